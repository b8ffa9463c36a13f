import type { TRPCDefaultErrorShape, TRPCError } from "@trpc/server";

/** The only message an unexpected failure shows a client; details go to the server log. */
export const INTERNAL_ERROR_MESSAGE = "Internal server error";

/**
 * The error shape on the wire: tRPC's default minus anything internal. An
 * INTERNAL_SERVER_ERROR keeps its code but loses its message (it may be a
 * driver's or a thrown `Error`'s), and no shape ever carries a stack.
 *
 * @example
 * initTRPC.context<RequestContext>().create({ isDev: false, errorFormatter: formatError });
 */
export function formatError({ shape, error }: { shape: TRPCDefaultErrorShape; error: TRPCError }): TRPCDefaultErrorShape {
  const { stack: _stack, ...data } = shape.data;
  return {
    ...shape,
    message: error.code === "INTERNAL_SERVER_ERROR" ? INTERNAL_ERROR_MESSAGE : shape.message,
    data,
  };
}

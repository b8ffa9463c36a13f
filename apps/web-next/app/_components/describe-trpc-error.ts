import { TRPCClientError } from "@trpc/client";

const ZOD_ISSUES = /^\s*\[/;

/**
 * A short, user-facing line for a failed tRPC call: its code (`FORBIDDEN`,
 * `BAD_REQUEST`, ...) and, for invalid input, which fields and why (the
 * server sends zod issues as a JSON array in the message).
 *
 * @example
 * setError(describeTrpcError(error)); // "BAD_REQUEST: title: Too small"
 */
export function describeTrpcError(error: unknown): string {
  if (!(error instanceof TRPCClientError)) return error instanceof Error ? error.message : String(error);
  const data: unknown = error.data;
  const code = typeof data === "object" && data !== null && "code" in data && typeof data.code === "string" ? data.code : "ERROR";
  if (!ZOD_ISSUES.test(error.message)) return `${code}: ${error.message}`;
  try {
    const issues = JSON.parse(error.message) as { path?: unknown[]; message?: string }[];
    return `${code}: ${issues.map((issue) => `${(issue.path ?? []).join(".") || "input"}: ${issue.message ?? "invalid"}`).join("; ")}`;
  } catch (parseError) {
    console.debug("tRPC error message looked like zod issues but is not JSON", parseError);
    return `${code}: ${error.message}`;
  }
}

import type { z } from "zod";
import { assertDescriptorName } from "./descriptor-validation";

/** Names an event and the schema of its payload; the only thing publishers and subscribers share. */
export interface EventDescriptor<TName extends string = string, TSchema extends z.ZodType = z.ZodType> {
  readonly kind: "event";
  readonly name: TName;
  readonly schema: TSchema;
}

/** The payload subscribers receive: the schema's output type. */
export type EventPayload<E extends EventDescriptor> = z.output<E["schema"]>;

/**
 * Defines an event. The name is checked here, at module load, so a typo fails
 * every test that imports the feature. Payloads must be plain data
 * (structured-cloneable): each subscriber receives its own copy.
 *
 * @example
 * export const pollCreated = defineEvent({
 *   name: "poll:created",
 *   schema: z.object({ pollId: z.string(), title: z.string() }),
 * });
 */
export function defineEvent<const TName extends string, TSchema extends z.ZodType>(definition: {
  name: TName;
  schema: TSchema;
}): EventDescriptor<TName, TSchema> {
  assertDescriptorName("event", definition.name);
  return Object.freeze({ kind: "event", name: definition.name, schema: definition.schema });
}

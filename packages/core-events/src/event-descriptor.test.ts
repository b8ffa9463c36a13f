import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { DescriptorDefinitionError } from "./descriptor-validation";
import { defineEvent } from "./event-descriptor";
import type { EventPayload } from "./event-descriptor";

describe("defineEvent", () => {
  it("returns a frozen descriptor with the literal name and schema", () => {
    const schema = z.object({ pollId: z.string(), votes: z.number().default(0) });
    const pollCreated = defineEvent({ name: "poll:created", schema });
    expect(pollCreated).toEqual({ kind: "event", name: "poll:created", schema });
    expect(Object.isFrozen(pollCreated)).toBe(true);
    expectTypeOf(pollCreated.name).toEqualTypeOf<"poll:created">();
    expectTypeOf<EventPayload<typeof pollCreated>>().toEqualTypeOf<{ pollId: string; votes: number }>();
  });

  it.each(["poll:created", "article.published", "job:failed", "user_signed-up", "v2.order:paid"])("accepts %j", (name) => {
    expect(defineEvent({ name, schema: z.object({}) }).name).toBe(name);
  });

  it.each(["", "Poll:Created", "poll created", "poll/created", "poll:créé", "poll:{id}"])("rejects %j", (name) => {
    expect(() => defineEvent({ name, schema: z.object({}) })).toThrow(DescriptorDefinitionError);
  });
});

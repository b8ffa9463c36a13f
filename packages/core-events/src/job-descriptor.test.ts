import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DescriptorDefinitionError } from "./descriptor-validation";
import { backoffDelay, DEFAULT_JOB_BACKOFF, defineJob } from "./job-descriptor";
import type { JobBackoff } from "./job-descriptor";

describe("defineJob", () => {
  it("defaults to 3 retries with exponential backoff", () => {
    const job = defineJob({ name: "email.send", schema: z.object({}) });
    expect(job).toMatchObject({ kind: "job", name: "email.send", retries: 3, backoff: DEFAULT_JOB_BACKOFF });
    expect(DEFAULT_JOB_BACKOFF.type).toBe("exponential");
    expect(Object.isFrozen(job)).toBe(true);
  });

  const invalidPolicies: Array<{ retries?: number; backoff?: JobBackoff }> = [
    { retries: -1 },
    { retries: 1.5 },
    { backoff: { type: "fixed", delayMs: -1 } },
    { backoff: { type: "exponential", delayMs: Number.NaN } },
  ];

  it.each(invalidPolicies)("rejects the policy %j", (policy) => {
    expect(() => defineJob({ name: "x", schema: z.object({}), ...policy })).toThrow(DescriptorDefinitionError);
  });

  it("validates the name like events do", () => {
    expect(() => defineJob({ name: "Email Send", schema: z.object({}) })).toThrow(DescriptorDefinitionError);
  });
});

describe("backoffDelay", () => {
  it.each([
    ["exponential", 1, 100],
    ["exponential", 2, 200],
    ["exponential", 3, 400],
    ["exponential", 5, 1_600],
    ["fixed", 1, 100],
    ["fixed", 4, 100],
  ] as const)("%s after attempt %i waits %i ms", (type, attempt, expected) => {
    expect(backoffDelay({ type, delayMs: 100 }, attempt)).toBe(expected);
  });
});

/** Event and job names: lower-case letters, digits and `: . _ -` (`poll:created`, `article.published`). */
const DESCRIPTOR_NAME_PATTERN = /^[a-z0-9:._-]+$/;

/** A descriptor was defined wrongly; thrown at module load, so it fails fast in any test. */
export class DescriptorDefinitionError extends Error {
  override readonly name = "DescriptorDefinitionError";
  readonly code = "INVALID_DESCRIPTOR";
}

export function assertDescriptorName(kind: "event" | "job", name: unknown): asserts name is string {
  if (typeof name !== "string" || !DESCRIPTOR_NAME_PATTERN.test(name)) {
    throw new DescriptorDefinitionError(
      `Invalid ${kind} name ${JSON.stringify(name)}: expected a non-empty string of ${String(DESCRIPTOR_NAME_PATTERN)}`,
    );
  }
}

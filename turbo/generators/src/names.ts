/**
 * Names the generators accept: kebab-case, starting with a letter, so one name works as a folder
 * (`packages/live-scores`), a package (`@repo/live-scores`), a channel segment (`demo.live-scores`)
 * and, through camel/Pascal case, a TypeScript identifier (`liveScoresChannel`).
 */
const NAME_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Long enough for any sensible name, short enough for identifiers and channel names. */
const MAX_NAME_LENGTH = 40;

/**
 * Why `value` is not an acceptable name, or `null` when it is. `label` names the input in the
 * message ("feature name", "channel name").
 *
 * @example
 * nameProblem("feature name", "Live Scores"); // 'feature name "Live Scores" contains whitespace; use kebab-case such as "live-scores"'
 * nameProblem("feature name", "live-scores"); // null
 */
export function nameProblem(label: string, value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0) return `${label} is required`;
  const shown = JSON.stringify(value);
  const hint = `use kebab-case such as "live-scores"`;
  if (/\s/.test(value)) return `${label} ${shown} contains whitespace; ${hint}`;
  if (/[/\\]/.test(value)) return `${label} ${shown} contains a path separator; it must be a single folder name`;
  if (value.includes(".")) return `${label} ${shown} contains a dot; ${hint}`;
  if (/[A-Z]/.test(value)) return `${label} ${shown} contains upper-case letters; ${hint}`;
  if (/^[0-9]/.test(value)) return `${label} ${shown} starts with a digit; start it with a letter`;
  if (value.length > MAX_NAME_LENGTH) return `${label} ${shown} is longer than ${MAX_NAME_LENGTH} characters`;
  if (!NAME_PATTERN.test(value)) return `${label} ${shown} may hold only a-z, 0-9 and single hyphens between words; ${hint}`;
  return null;
}

/**
 * `live-scores` -> `liveScores`: the prefix of generated identifiers.
 *
 * @example
 * camelCaseName("live-scores"); // "liveScores"
 */
export function camelCaseName(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_match, next: string) => next.toUpperCase());
}

/**
 * `live-scores` -> `LiveScores`: the stem of generated type and function names.
 *
 * @example
 * pascalCaseName("live-scores"); // "LiveScores"
 */
export function pascalCaseName(name: string): string {
  const camel = camelCaseName(name);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

/**
 * `live-scores` -> `LIVE_SCORES`: the stem of generated constants.
 *
 * @example
 * constantCaseName("live-scores"); // "LIVE_SCORES"
 */
export function constantCaseName(name: string): string {
  return name.replace(/-/g, "_").toUpperCase();
}

/**
 * `live-scores` -> `live_scores`: the stem of generated SQL table names (no quoting needed).
 *
 * @example
 * snakeCaseName("live-scores"); // "live_scores"
 */
export function snakeCaseName(name: string): string {
  return name.replace(/-/g, "_");
}

/**
 * How a name is written as an object key: bare when it is an identifier, quoted otherwise.
 *
 * @example
 * propertyKey("polls"); // "polls"
 * propertyKey("live-scores"); // '"live-scores"'
 */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

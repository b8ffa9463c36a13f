/**
 * Channel names are dot-separated segments. A segment is either static
 * (`notifications`, `realtime-ping`) or a placeholder that fills a whole
 * segment (`{userId}`). Placeholder values are restricted so a concrete name
 * can never smuggle in another segment, a brace, or a prototype key:
 *
 * - static segment: `[A-Za-z0-9_-]+`
 * - placeholder name: `[A-Za-z][A-Za-z0-9]*`, unique within the template
 * - placeholder value: 1-128 chars of `[A-Za-z0-9_-]`, starting with a letter or digit
 *   (UUIDs, numeric ids and slugs fit; dots, `{`, `}`, `/`, spaces and `__proto__` do not)
 */

const STATIC_SEGMENT = /^[A-Za-z0-9_-]+$/;
const PLACEHOLDER_SEGMENT = /^\{([A-Za-z][A-Za-z0-9]*)\}$/;
/** What a placeholder value may hold; exported so clients can validate before sending. */
export const CHANNEL_PARAM_VALUE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
const MAX_CHANNEL_NAME_LENGTH = 256;

/** The placeholder names of a template literal type: `"a.{x}.{y}"` -> `"x" | "y"`. */
export type TemplateParamNames<T extends string> = T extends `${string}{${infer P}}${infer Rest}`
  ? P | TemplateParamNames<Rest>
  : never;

/** Params object a template needs; `{}`-like (no keys) for a static name. */
export type ChannelParams<T extends string> = { readonly [K in TemplateParamNames<T>]: string };

export type TemplateSegment =
  | { readonly kind: "static"; readonly value: string }
  | { readonly kind: "param"; readonly name: string };

export interface ChannelTemplate {
  readonly source: string;
  readonly segments: readonly TemplateSegment[];
  readonly paramNames: readonly string[];
  readonly isTemplate: boolean;
}

export class ChannelTemplateError extends Error {
  override readonly name = "ChannelTemplateError";
}

/** Parses and validates a template at definition time; throws on a malformed one. */
export function parseChannelTemplate(source: string): ChannelTemplate {
  if (source.length === 0 || source.length > MAX_CHANNEL_NAME_LENGTH) {
    throw new ChannelTemplateError(`Channel name must be 1-${MAX_CHANNEL_NAME_LENGTH} characters: "${source}"`);
  }
  const segments: TemplateSegment[] = [];
  const paramNames: string[] = [];
  for (const raw of source.split(".")) {
    const placeholder = PLACEHOLDER_SEGMENT.exec(raw);
    if (placeholder?.[1] !== undefined) {
      const name = placeholder[1];
      if (paramNames.includes(name)) {
        throw new ChannelTemplateError(`Placeholder {${name}} appears twice in "${source}"`);
      }
      paramNames.push(name);
      segments.push({ kind: "param", name });
    } else if (STATIC_SEGMENT.test(raw)) {
      segments.push({ kind: "static", value: raw });
    } else {
      throw new ChannelTemplateError(
        `Invalid segment "${raw}" in channel "${source}": use [A-Za-z0-9_-] or a whole-segment {placeholder}`,
      );
    }
  }
  return { source, segments, paramNames, isTemplate: paramNames.length > 0 };
}

/** True when `value` may fill a placeholder. */
export function isValidChannelParamValue(value: unknown): value is string {
  return typeof value === "string" && CHANNEL_PARAM_VALUE.test(value);
}

/**
 * Matches a concrete channel name against a template. Returns the params
 * (a prototype-less object) or `null` when the name does not fit.
 *
 * @example
 * matchChannelTemplate("notifications.user.{userId}", "notifications.user.42"); // { userId: "42" }
 * matchChannelTemplate("notifications.user.{userId}", "notifications.user.a.b"); // null
 */
export function matchChannelTemplate(
  template: string | ChannelTemplate,
  name: string,
): Readonly<Record<string, string>> | null {
  const parsed = typeof template === "string" ? parseChannelTemplate(template) : template;
  if (typeof name !== "string" || name.length > MAX_CHANNEL_NAME_LENGTH) return null;
  const parts = name.split(".");
  if (parts.length !== parsed.segments.length) return null;
  const params = Object.create(null) as Record<string, string>;
  for (let i = 0; i < parts.length; i++) {
    const segment = parsed.segments[i];
    const part = parts[i];
    if (segment === undefined || part === undefined) return null;
    if (segment.kind === "static") {
      if (segment.value !== part) return null;
    } else {
      if (!isValidChannelParamValue(part)) return null;
      params[segment.name] = part;
    }
  }
  return params;
}

/**
 * Builds the concrete name from a template and its params; throws a
 * `ChannelTemplateError` when a param is missing or holds forbidden characters.
 *
 * @example
 * formatChannelName(parseChannelTemplate("polls.{pollId}"), { pollId: "p1" }); // "polls.p1"
 */
export function formatChannelName(template: ChannelTemplate, params: Readonly<Record<string, unknown>>): string {
  return template.segments
    .map((segment) => {
      if (segment.kind === "static") return segment.value;
      const value = Object.prototype.hasOwnProperty.call(params, segment.name) ? params[segment.name] : undefined;
      if (!isValidChannelParamValue(value)) {
        throw new ChannelTemplateError(
          `Param "${segment.name}" of channel "${template.source}" must match ${CHANNEL_PARAM_VALUE.source}`,
        );
      }
      return value;
    })
    .join(".");
}

import type { z } from "zod";
import { checkCoalesceOptions } from "./channel-coalesce";
import type { ChannelCoalesceOptions } from "./channel-coalesce";
import { eraseChannelPolicy } from "./channel-policy";
import type { AnyChannelPolicy, ChannelPolicy } from "./channel-policy";
import { ChannelTemplateError, parseChannelTemplate } from "./channel-template";
import type { ChannelTemplate } from "./channel-template";
import type { RealtimeScope, ScopeFor } from "./scope";

/** Opt-in replay on reconnect: keep the last `size` messages for `ttlSeconds`. */
export interface ChannelHistoryOptions {
  readonly size: number;
  readonly ttlSeconds: number;
}

/**
 * A channel as every layer sees it: name (possibly a template), who may read
 * it, the schema of what the server sends, and, when clients may publish, the
 * schema of what they send. `policy`, when set, narrows the scope per
 * resource (see `withChannelPolicy`).
 */
export interface RealtimeChannelDescriptor<
  TName extends string = string,
  TSchema extends z.ZodType = z.ZodType,
  TInbound extends z.ZodType | undefined = z.ZodType | undefined,
> {
  readonly kind: "realtime-channel";
  readonly name: TName;
  readonly template: ChannelTemplate;
  readonly scope: RealtimeScope;
  readonly schema: TSchema;
  readonly inbound: TInbound;
  readonly history: ChannelHistoryOptions | undefined;
  readonly presence: boolean;
  readonly description: string | undefined;
  /** Messages within a short window go out as one frame per subscriber (ADR-018 `realtime:message-batch`); undefined: one frame per message. */
  readonly coalesce: ChannelCoalesceOptions | undefined;
  /** Per-resource check after the scope check, at every subscribe, publish, presence request, recovery and re-authentication. */
  readonly policy: AnyChannelPolicy | undefined;
}

/** Any descriptor, whatever its generics. */
export type AnyRealtimeChannel = RealtimeChannelDescriptor<string, z.ZodType, z.ZodType | undefined>;

/** What the server sends on a channel (the schema's output type). */
export type ChannelPayload<D extends AnyRealtimeChannel> = z.output<D["schema"]>;

/** What a client may publish on a channel; `never` when it has no inbound schema. */
export type ChannelInbound<D extends AnyRealtimeChannel> = D["inbound"] extends z.ZodType ? z.input<D["inbound"]> : never;

/** Parsed inbound payload as a handler receives it. */
export type ChannelInboundParsed<D extends AnyRealtimeChannel> = D["inbound"] extends z.ZodType
  ? z.output<D["inbound"]>
  : never;

export interface DefineRealtimeChannelOptions<
  TName extends string,
  TSchema extends z.ZodType,
  TInbound extends z.ZodType | undefined,
> {
  readonly name: TName;
  readonly scope: ScopeFor<TName>;
  readonly schema: TSchema;
  readonly inbound?: TInbound;
  readonly history?: ChannelHistoryOptions;
  readonly presence?: boolean;
  readonly description?: string;
  /** Opt in to coalescing: bounded `delayMs` (1-1000) and `maxBatch` (2-1000), checked now (`ChannelCoalesceError`). */
  readonly coalesce?: ChannelCoalesceOptions;
  /** A per-resource check that needs no feature state; one that does is added in the bind code with `withChannelPolicy`. */
  readonly policy?: ChannelPolicy<TName>;
}

const MAX_HISTORY_SIZE = 10_000;

/**
 * Declares a channel. The name is validated now (see `channel-template.ts`
 * for the placeholder rules) so a typo fails at import time, not at the first
 * subscribe.
 *
 * @example
 * export const notificationsChannel = defineRealtimeChannel({
 *   name: "notifications.user.{userId}",
 *   scope: { userScoped: "userId" },
 *   schema: z.object({ id: z.string(), title: z.string() }),
 *   history: { size: 100, ttlSeconds: 86_400 },
 * });
 */
export function defineRealtimeChannel<
  const TName extends string,
  TSchema extends z.ZodType,
  TInbound extends z.ZodType | undefined = undefined,
>(options: DefineRealtimeChannelOptions<TName, TSchema, TInbound>): RealtimeChannelDescriptor<TName, TSchema, TInbound> {
  const template = parseChannelTemplate(options.name);
  const scope: RealtimeScope = options.scope;
  if (typeof scope === "object" && "userScoped" in scope && !template.paramNames.includes(scope.userScoped)) {
    throw new ChannelTemplateError(
      `Channel "${options.name}" is userScoped by {${scope.userScoped}} but has no such placeholder`,
    );
  }
  if (typeof scope === "object" && "role" in scope && scope.role.trim() === "") {
    throw new ChannelTemplateError(`Channel "${options.name}" has an empty role scope`);
  }
  const history = options.history;
  if (history !== undefined) {
    if (!Number.isInteger(history.size) || history.size < 1 || history.size > MAX_HISTORY_SIZE) {
      throw new ChannelTemplateError(`Channel "${options.name}": history.size must be an integer in 1..${MAX_HISTORY_SIZE}`);
    }
    if (!Number.isFinite(history.ttlSeconds) || history.ttlSeconds <= 0) {
      throw new ChannelTemplateError(`Channel "${options.name}": history.ttlSeconds must be positive`);
    }
  }
  return Object.freeze({
    kind: "realtime-channel",
    name: options.name,
    template,
    scope,
    schema: options.schema,
    inbound: options.inbound as TInbound,
    history: history === undefined ? undefined : Object.freeze({ ...history }),
    presence: options.presence ?? false,
    description: options.description,
    coalesce: options.coalesce === undefined ? undefined : checkCoalesceOptions(options.name, options.coalesce),
    policy: options.policy === undefined ? undefined : eraseChannelPolicy(options.policy),
  });
}

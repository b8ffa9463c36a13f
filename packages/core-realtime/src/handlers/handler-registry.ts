import { isValidChannelParamValue } from "../channels/channel-template";
import type { ChannelTemplate, TemplateSegment } from "../channels/channel-template";
import type { AnyRealtimeChannel } from "../channels/define-realtime-channel";
import type { ChannelResolution, IRealtimeHandlerRegistry, RealtimeInboundHandler, RegisteredInbound } from "./realtime-handler-registry";

export class RealtimeRegistryError extends Error {
  override readonly name = "RealtimeRegistryError";
}

const UNKNOWN: ChannelResolution = Object.freeze({ kind: "unknown" });

/** Some concrete segment could be both: two placeholders, a static one a placeholder may hold, or one static value. */
function segmentsOverlap(a: TemplateSegment, b: TemplateSegment): boolean {
  if (a.kind === "param") return b.kind === "param" || isValidChannelParamValue(b.value);
  return b.kind === "param" ? isValidChannelParamValue(a.value) : a.value === b.value;
}

/**
 * Two names (static or template) overlap when some concrete name could match
 * both: `polls.{pollId}` and `polls.directory` do, `polls.{pollId}` and
 * `polls-directory` (one segment) do not.
 */
function namesOverlap(a: ChannelTemplate, b: ChannelTemplate): boolean {
  if (a.segments.length !== b.segments.length) return false;
  return a.segments.every((sa, i) => {
    const sb = b.segments[i];
    return sb !== undefined && segmentsOverlap(sa, sb);
  });
}

/**
 * The one registry of channels and inbound handlers. Static names resolve
 * with one map lookup; templates are bucketed by segment count so a lookup
 * compares only templates of the right length. No two registered names may
 * claim one concrete name (template and template, static and template): a
 * broadcast to one must never reach subscribers who passed the other's scope.
 *
 * @example
 * const registry = new RealtimeHandlerRegistry();
 * registry.registerChannel(articlesFeedChannel);
 * registry.register(pollChannel, onVote);
 */
export class RealtimeHandlerRegistry implements IRealtimeHandlerRegistry {
  readonly #channels = new Map<string, AnyRealtimeChannel>();
  readonly #staticNames = new Map<string, AnyRealtimeChannel>();
  readonly #templatesByLength = new Map<number, AnyRealtimeChannel[]>();
  readonly #inbound = new Map<string, RegisteredInbound>();

  registerChannel(descriptor: AnyRealtimeChannel): void {
    const existing = this.#channels.get(descriptor.name);
    if (existing === descriptor) return;
    if (existing !== undefined) {
      throw new RealtimeRegistryError(
        `Channel "${descriptor.name}" is already registered with a different descriptor; export one descriptor and reuse it`,
      );
    }
    const length = descriptor.template.segments.length;
    const sameLength = this.#templatesByLength.get(length) ?? [];
    const others = descriptor.template.isTemplate ? [...sameLength, ...this.#staticNames.values()] : sameLength;
    const clash = others.find((other) => namesOverlap(other.template, descriptor.template));
    if (clash !== undefined) {
      throw new RealtimeRegistryError(
        `Channel "${descriptor.name}" overlaps "${clash.name}": a concrete name could match both, and a broadcast to one would reach the other's subscribers`,
      );
    }
    if (descriptor.template.isTemplate) {
      sameLength.push(descriptor);
      this.#templatesByLength.set(length, sameLength);
    } else {
      this.#staticNames.set(descriptor.name, descriptor);
    }
    this.#channels.set(descriptor.name, descriptor);
  }

  register<D extends AnyRealtimeChannel>(descriptor: D, handler: RealtimeInboundHandler<D>): void {
    if (descriptor.inbound === undefined) {
      throw new RealtimeRegistryError(`Channel "${descriptor.name}" has no inbound schema; add \`inbound\` to its descriptor`);
    }
    if (this.#inbound.has(descriptor.name)) {
      throw new RealtimeRegistryError(`Channel "${descriptor.name}" already has an inbound handler`);
    }
    this.registerChannel(descriptor);
    this.#inbound.set(descriptor.name, { descriptor, handler });
  }

  listChannels(): readonly AnyRealtimeChannel[] {
    return [...this.#channels.values()];
  }

  getInboundDescriptor(name: string): RegisteredInbound | undefined {
    return this.#inbound.get(name);
  }

  list(): readonly RegisteredInbound[] {
    return [...this.#inbound.values()];
  }

  resolve(concreteName: string): ChannelResolution {
    if (typeof concreteName !== "string") return UNKNOWN;
    const exact = this.#staticNames.get(concreteName);
    if (exact !== undefined) return { kind: "match", descriptor: exact, params: Object.freeze(Object.create(null) as Record<string, string>) };
    const parts = concreteName.split(".");
    const candidates = this.#templatesByLength.get(parts.length);
    if (candidates === undefined) return UNKNOWN;
    for (const descriptor of candidates) {
      const params = Object.create(null) as Record<string, string>;
      let staticMatch = true;
      let paramsValid = true;
      descriptor.template.segments.forEach((segment, i) => {
        const part = parts[i] ?? "";
        if (segment.kind === "static") {
          if (segment.value !== part) staticMatch = false;
        } else if (isValidChannelParamValue(part)) {
          params[segment.name] = part;
        } else {
          paramsValid = false;
        }
      });
      if (!staticMatch) continue;
      return paramsValid ? { kind: "match", descriptor, params: Object.freeze(params) } : { kind: "invalid-params", descriptor };
    }
    return UNKNOWN;
  }
}

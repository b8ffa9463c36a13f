import { RealtimeError } from "../protocol/errors";

/**
 * Who may broadcast (the source gate, ADR-016): a use case, the bus bridge,
 * the outbox relay, the server HTTP API (one source per API key id), an
 * inbound handler replying on its channel, or the app's own ticker.
 */
export const BROADCAST_SOURCE_KINDS = ["use-case", "event-bridge", "outbox-relay", "server-api", "inbound-handler", "app"] as const;

export type BroadcastSourceKind = (typeof BROADCAST_SOURCE_KINDS)[number];

/** A source as configured at bind time; `name` is a feature + use case, a key id, a channel template. */
export interface BroadcastSource {
  readonly kind: BroadcastSourceKind;
  readonly name: string;
}

/**
 * Proof that a source was allowed: only `BroadcastSourceAllowlist.allow`
 * creates one, and the broadcaster accepts only those its own allowlist
 * issued (checked by identity, so a look-alike object is refused).
 */
export interface BroadcastSourceGrant {
  readonly source: BroadcastSource;
  /** `kind:name`, the `source` label of the delivery counter. */
  readonly label: string;
}

/**
 * A new source asked for after `seal()`: binding has ended, so the code asking
 * is not bind code and may not add itself to the source gate's allowlist.
 */
export class BroadcastSourcesSealedError extends Error {
  override readonly name = "BroadcastSourcesSealedError";
  readonly code = "BROADCAST_SOURCES_SEALED";

  constructor(readonly source: BroadcastSource | { readonly kind: BroadcastSourceKind }) {
    super(
      "name" in source
        ? `Broadcast source "${source.kind}:${source.name}" was asked for after binding sealed the allowlist; allow it in bind code`
        : `An issuer of "${source.kind}" sources was asked for after binding sealed the allowlist`,
    );
  }
}

/** Names stay label-safe and short: the metric's cardinality is the allowlist's size. */
const SOURCE_NAME = /^[A-Za-z0-9._:{}-]{1,80}$/;

/**
 * The broadcaster's allowlist of sources. Bind code (the app, a feature's
 * bind file) asks for a grant once and hands the feature a broadcaster bound
 * to it (`withBroadcastSource`); at run time nothing can name a source by a
 * string: a broadcast carrying anything but a grant from this allowlist, or
 * nothing, is refused with `UNAUTHORIZED_SOURCE`.
 *
 * Once binding has ended the app calls `seal()`: from then on no code can add
 * a source (`BroadcastSourcesSealedError`), so the list and the delivery
 * counter's `source` labels are what bind code configured. The one kind that
 * keeps growing after start, `inbound-handler` (handlers may be registered
 * later), is minted through an issuer the realtime server takes before sealing.
 *
 * @example
 * const grant = broadcaster.sources.allow({ kind: "outbox-relay", name: "relay" });
 * await broadcaster.broadcast(pollChannel, { pollId }, tally, { source: grant });
 * broadcaster.sources.seal(); // binding ended: allow() of a new source now throws
 */
export class BroadcastSourceAllowlist {
  readonly #byLabel = new Map<string, BroadcastSourceGrant>();
  readonly #issued = new WeakSet<object>();
  #sealed = false;

  /**
   * The grant for `source`, the same object every time for one source. Throws on an unknown kind or a bad name,
   * and with `BroadcastSourcesSealedError` for a source not yet on the list once the list is sealed.
   */
  allow(source: BroadcastSource): BroadcastSourceGrant {
    return this.#grant(source, false);
  }

  /** Ends binding: no source can be added afterwards (the grants already issued keep working). Idempotent. */
  seal(): void {
    this.#sealed = true;
  }

  get sealed(): boolean {
    return this.#sealed;
  }

  /**
   * A function that grants sources of one kind even after `seal()`, for the
   * component that owns that kind (the realtime server's inbound gate, for
   * `inbound-handler:<template>` of handlers registered at any time). Only
   * obtainable before sealing, so it is handed out at wiring time or never.
   *
   * @example
   * const inboundSource = broadcaster.sources.issuerFor("inbound-handler");
   * const grant = inboundSource("polls.{pollId}");
   */
  issuerFor(kind: BroadcastSourceKind): (name: string) => BroadcastSourceGrant {
    if (this.#sealed) throw new BroadcastSourcesSealedError({ kind });
    return (name) => this.#grant({ kind, name }, true);
  }

  #grant(source: BroadcastSource, fromIssuer: boolean): BroadcastSourceGrant {
    if (!(BROADCAST_SOURCE_KINDS as readonly string[]).includes(source.kind)) throw new TypeError(`Unknown broadcast source kind "${String(source.kind)}"`);
    if (!SOURCE_NAME.test(source.name)) throw new TypeError(`Broadcast source name "${source.name}" must match ${String(SOURCE_NAME)}`);
    const label = `${source.kind}:${source.name}`;
    const known = this.#byLabel.get(label);
    if (known !== undefined) return known;
    if (this.#sealed && !fromIssuer) throw new BroadcastSourcesSealedError({ kind: source.kind, name: source.name });
    const grant: BroadcastSourceGrant = Object.freeze({ source: Object.freeze({ kind: source.kind, name: source.name }), label });
    this.#issued.add(grant);
    this.#byLabel.set(label, grant);
    return grant;
  }

  /** `grant` when this allowlist issued it; otherwise throws `RealtimeError("UNAUTHORIZED_SOURCE")`. */
  check(grant: unknown): BroadcastSourceGrant {
    if (typeof grant === "object" && grant !== null && this.#issued.has(grant)) return grant as BroadcastSourceGrant;
    throw new RealtimeError("UNAUTHORIZED_SOURCE", grant === undefined ? "A broadcast must carry its source" : "This source may not broadcast");
  }

  /** Every allowed source, in the order first allowed. */
  list(): readonly BroadcastSource[] {
    return [...this.#byLabel.values()].map((grant) => grant.source);
  }
}

import { OPCODE } from "./raw-websocket";
import type { RawFrame } from "./raw-websocket";

/**
 * Frames for the fuzz test: mostly well-formed WebSocket frames carrying
 * valid, mutated or random Socket.IO packets (so they reach the gates), and
 * a few corrupt frames that make the server close the connection. Seeded,
 * so a failing run can be replayed with FUZZ_SEED.
 */

/** A small fast PRNG (mulberry32): the same seed gives the same frames. */
function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type FuzzFrame = { readonly kind: "text"; readonly text: string } | { readonly kind: "frame"; readonly frame: RawFrame } | { readonly kind: "raw"; readonly bytes: Buffer };

const CHANNELS = [
  "sec.public",
  "sec.members",
  "sec.admins",
  "sec.inbox.alice",
  "sec.inbox.bob",
  "sec.inbox.{userId}",
  "sec.inbox.__proto__",
  "sec.rooms.r1",
  "sec.crash",
  "notifications.user.alice",
  "notifications.user.bob",
  "notifications.user.a.b",
  "notifications.user.{userId}",
  "realtime-ping",
  "__proto__",
  "constructor",
  "ch:sec.admins",
  "user:alice",
  "",
  "sec.",
  ".",
  "sec.rooms.\u0000",
  "sec.rooms.😀",
];
const EVENTS = ["realtime:subscribe", "realtime:unsubscribe", "realtime:publish", "realtime:presence", "connect", "disconnect", "newListener", "__proto__", "x"];
const KEYS = ["channel", "payload", "id", "since", "epoch", "text", "clientTime", "__proto__", "constructor", "prototype", "toString", "admin", "roles", "userId"];
const STRUCTURAL = ['{', '}', '[', ']', '"', ",", ":", "\\", "0", "-", "e", "n", "\u0000", "\ud800"];

export class FrameFuzzer {
  readonly #rng: () => number;
  #ackId = 0;

  constructor(seed: number) {
    this.#rng = createRng(seed);
  }

  #int(max: number): number {
    return Math.floor(this.#rng() * max);
  }

  #pick<T>(items: readonly T[]): T {
    return items[this.#int(items.length)] as T;
  }

  #string(): string {
    switch (this.#int(6)) {
      case 0:
        return "";
      case 1:
        return this.#pick(CHANNELS);
      case 2:
        return "x".repeat(this.#int(4) === 0 ? 20_000 + this.#int(60_000) : this.#int(300));
      case 3:
        return String.fromCharCode(...Array.from({ length: this.#int(20) }, () => this.#int(0x10000)));
      default:
        return this.#pick(KEYS);
    }
  }

  /** A random JSON value, nested a few levels, with prototype-polluting keys among the ordinary ones. */
  #value(depth = 0): unknown {
    const kind = depth > 4 ? this.#int(4) : this.#int(7);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return this.#pick([0, -0, 1, -1, 1e308, -1e308, 2 ** 53, 0.1, Number.MAX_SAFE_INTEGER + 2]);
      case 2:
        return this.#rng() < 0.5;
      case 3:
        return this.#string();
      case 4:
        return Array.from({ length: this.#int(5) }, () => this.#value(depth + 1));
      default: {
        const object: Record<string, unknown> = {};
        for (let i = this.#int(5); i > 0; i--) object[this.#pick(KEYS)] = this.#value(depth + 1);
        return object;
      }
    }
  }

  /** A packet the gates understand, with fields drawn from the dictionaries. */
  #validPacket(): string {
    const event = this.#rng() < 0.85 ? this.#pick(EVENTS.slice(0, 4)) : this.#pick(EVENTS);
    const frame: Record<string, unknown> = { channel: this.#rng() < 0.9 ? this.#pick(CHANNELS) : this.#value() };
    if (event === "realtime:publish") frame.payload = this.#rng() < 0.3 ? { text: this.#string() } : this.#value();
    if (this.#rng() < 0.2) frame.since = this.#value();
    if (this.#rng() < 0.1) frame[this.#pick(KEYS)] = this.#value();
    const ack = this.#rng() < 0.8 ? String(this.#ackId++) : "";
    // `__proto__` as an own key: JSON.stringify of an object literal would drop it.
    const json = JSON.stringify([event, frame]).replace('"channel"', this.#rng() < 0.05 ? '"__proto__":{"admin":true},"channel"' : '"channel"');
    return `42${ack}${json}`;
  }

  #mutate(text: string): string {
    const chars = [...text];
    for (let i = 1 + this.#int(3); i > 0; i--) {
      const at = this.#int(chars.length + 1);
      switch (this.#int(5)) {
        case 0:
          chars.splice(at, 1);
          break;
        case 1:
          chars.splice(at, 0, this.#pick(STRUCTURAL));
          break;
        case 2:
          chars.splice(at, 0, ...chars.slice(at, at + this.#int(10)));
          break;
        case 3:
          chars.length = Math.min(chars.length, at);
          break;
        default:
          chars[at] = String.fromCharCode(this.#int(128));
      }
    }
    return chars.join("");
  }

  #corruptFrame(): FuzzFrame {
    const payload = this.#validPacket();
    switch (this.#int(5)) {
      case 0:
        return { kind: "frame", frame: { opcode: OPCODE.text, payload, mask: false } };
      case 1:
        return { kind: "frame", frame: { opcode: OPCODE.text, payload, rsv: 1 + this.#int(7) } };
      case 2:
        return { kind: "frame", frame: { opcode: 3 + this.#int(5), payload } };
      case 3:
        return { kind: "raw", bytes: Buffer.from(Array.from({ length: 1 + this.#int(64) }, () => this.#int(256))) };
      default:
        return { kind: "frame", frame: { opcode: OPCODE.binary, payload: Buffer.from(payload) } };
    }
  }

  /** The next frame: ~70% valid packets, ~18% mutated ones, ~9% random text, ~3% corrupt frames. */
  next(): FuzzFrame {
    const roll = this.#rng();
    if (roll < 0.7) return { kind: "text", text: this.#validPacket() };
    if (roll < 0.88) return { kind: "text", text: this.#mutate(this.#validPacket()) };
    if (roll < 0.97) {
      const prefix = this.#pick(["", "4", "42", "40", "41", "43", "45", "2", "3", "6"]);
      return { kind: "text", text: `${prefix}${this.#string()}` };
    }
    return this.#corruptFrame();
  }
}

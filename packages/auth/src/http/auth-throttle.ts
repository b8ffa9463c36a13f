import { createHash } from "node:crypto";

/** Sign-in (and sign-up) attempt budgets; each counts attempts in a fixed window. */
export interface AuthThrottleLimits {
  /** Attempts on one account (any address) per window. */
  readonly attemptsPerAccount: number;
  /** Attempts from one client address (IPv6: its /64) per window, any account. */
  readonly attemptsPerAddress: number;
  readonly windowSeconds: number;
}

export const DEFAULT_AUTH_THROTTLE_LIMITS: AuthThrottleLimits = Object.freeze({
  attemptsPerAccount: 10,
  attemptsPerAddress: 100,
  windowSeconds: 900,
});

/** Sign-up: accounts created (or names tried) per client address per window; the account budget is unused. */
export const DEFAULT_SIGNUP_THROTTLE_LIMITS: Pick<AuthThrottleLimits, "attemptsPerAddress" | "windowSeconds"> = Object.freeze({
  attemptsPerAddress: 20,
  windowSeconds: 3600,
});

/** Who an attempt is about: the account named (if any) and the client's address. */
export interface ThrottleKeys {
  readonly account?: string;
  readonly address: string | undefined;
}

export type ThrottleVerdict = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * Counts attempts before the expensive work (argon2) runs, so a flood is
 * refused cheaply; shared by every instance when backed by Redis.
 */
export interface IAuthThrottle {
  /** Counts one attempt against the account and the address; refused while either is over its budget. */
  attempt(keys: ThrottleKeys): Promise<ThrottleVerdict>;
  /** A correct sign-in: the account's budget starts over and this attempt is given back to the address. */
  succeeded(keys: ThrottleKeys): Promise<void>;
}

/** The account's key: case-folded (so case variants share one budget) and hashed (no usernames in Redis). */
export function accountThrottleKey(account: string): string {
  return createHash("sha256").update(account.trim().toLowerCase()).digest("base64url");
}

/**
 * The address's key: IPv4 as is (IPv4-mapped IPv6 unwrapped), IPv6 as its
 * /64, because one host usually holds a whole /64 and could rotate through it.
 *
 * @example
 * addressThrottleKey("2001:db8:1:2:3:4:5:6"); // "2001:db8:1:2::/64"
 */
export function addressThrottleKey(address: string | undefined): string {
  if (address === undefined || address === "") return "unknown";
  const bare = address.split("%")[0] ?? address;
  if (bare.startsWith("::ffff:") && bare.includes(".")) return bare.slice("::ffff:".length);
  if (!bare.includes(":")) return bare;
  const [head = "", tail] = bare.split("::");
  const headGroups = head === "" ? [] : head.split(":");
  const tailGroups = tail === undefined || tail === "" ? [] : tail.split(":");
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill("0"), ...tailGroups];
  return `${groups.slice(0, 4).map((group) => (Number.parseInt(group, 16) || 0).toString(16)).join(":")}::/64`;
}

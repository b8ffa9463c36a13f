import type { ServerResponse } from "node:http";
import type { HttpRoute } from "@repo/core-di";
import { z } from "zod";
import type { SignIn } from "../use-cases/sign-in";
import type { SignOut } from "../use-cases/sign-out";
import type { IAuthThrottle, ThrottleKeys } from "./auth-throttle";
import { crossSiteRefusal } from "./cross-site-guard";
import { readGuardedJson } from "./read-guarded-json";
import { requestCredentials } from "./request-credentials";
import { errorBody, sendJson } from "./send-json";
import { clearSessionCookie, readSessionCookie, serializeSessionCookie } from "./session-cookie";
import type { SessionCookieOptions } from "./session-cookie";

export const AUTH_LOGIN_PATH = "/api/auth/login";
export const AUTH_LOGOUT_PATH = "/api/auth/logout";

const ZLoginRequest = z.strictObject({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(1024),
});

export interface AuthHttpRoutesDeps {
  readonly signIn: SignIn;
  readonly signOut: SignOut;
  readonly cookie: SessionCookieOptions;
  /** Sign-in attempt budgets per account and per address, checked before the password hash is verified. */
  readonly loginThrottle: IAuthThrottle;
}

/**
 * Answers 429 `RATE_LIMITED` with `Retry-After` when the throttle refuses
 * `keys`, and returns false; true when the attempt may go on. Sign-up reuses
 * it with its own throttle (`createAuthThrottle` with another key prefix).
 *
 * @example
 * if (!(await admitAttempt(throttle, { account: username, address: req.socket.remoteAddress }, res))) return;
 */
export async function admitAttempt(throttle: IAuthThrottle, keys: ThrottleKeys, res: ServerResponse): Promise<boolean> {
  const verdict = await throttle.attempt(keys);
  if (verdict.allowed) return true;
  sendJson(res, 429, errorBody("RATE_LIMITED", `Too many attempts; retry in ${verdict.retryAfterSeconds} s`), {
    "retry-after": String(verdict.retryAfterSeconds),
  });
  return false;
}

/**
 * `POST /api/auth/login` and `POST /api/auth/logout`: plain JSON endpoints
 * (not tRPC) because they set and clear the session cookie.
 *
 * - login `{ username, password }` -> 200 `{ token, user: { id, roles } }` + `Set-Cookie`,
 *   401 `INVALID_CREDENTIALS`, 400 `INVALID_BODY` (also for a body not sent as `application/json`)
 * - logout (cookie or Bearer) -> 200 `{ ok: true }`, cookie cleared, that session's sockets disconnected
 * - login over its budget (per account, per address) -> 429 `RATE_LIMITED` + `Retry-After`, before any hash is verified
 * - either, started by a page of another origin (see `crossSiteRefusal`) -> 403 `CROSS_SITE_REQUEST`
 *
 * @example
 * const routes = createAuthHttpRoutes({ signIn, signOut, cookie: { secure: true, maxAgeSeconds: 86_400 }, loginThrottle });
 */
export function createAuthHttpRoutes(deps: AuthHttpRoutesDeps): HttpRoute[] {
  const login: HttpRoute = {
    method: "POST",
    path: AUTH_LOGIN_PATH,
    async handler(req, res) {
      const read = await readGuardedJson(req, res, "INVALID_BODY");
      if (read === null) return;
      const body = read.body;
      const parsed = ZLoginRequest.safeParse(body);
      if (!parsed.success) {
        sendJson(res, 400, errorBody("INVALID_BODY", "Send a JSON object { username: string, password: string }"));
        return;
      }
      // Before the argon2 verify: a refused flood costs a counter, not a hash; a correct password is refused too.
      const keys: ThrottleKeys = { account: parsed.data.username, address: req.socket.remoteAddress };
      if (!(await admitAttempt(deps.loginThrottle, keys, res))) return;
      const result = await deps.signIn(parsed.data);
      if (result.ok) await deps.loginThrottle.succeeded(keys);
      if (!result.ok) {
        sendJson(res, 401, errorBody(result.code, "Wrong username or password"));
        return;
      }
      sendJson(res, 200, { token: result.token, user: result.user }, {
        "set-cookie": serializeSessionCookie(result.token, deps.cookie),
      });
    },
  };

  const logout: HttpRoute = {
    method: "POST",
    path: AUTH_LOGOUT_PATH,
    async handler(req, res) {
      const refusal = crossSiteRefusal(req, { requireJson: false });
      if (refusal !== null) {
        sendJson(res, refusal.status, errorBody(refusal.code, refusal.message));
        return;
      }
      const credentials = requestCredentials(req);
      const token = credentials.token ?? readSessionCookie(credentials.cookieHeader, { hostOnly: deps.cookie.secure });
      if (token !== undefined) await deps.signOut(token);
      // Idempotent: signing out without (or with a stale) session still clears the cookie.
      sendJson(res, 200, { ok: true }, { "set-cookie": clearSessionCookie(deps.cookie) });
    },
  };

  return [login, logout];
}

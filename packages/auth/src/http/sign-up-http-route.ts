import type { HttpRoute } from "@repo/core-di";
import { accountRuleViolation } from "../domain/account-rules";
import type { SignUp } from "../use-cases/sign-up";
import { admitAttempt } from "./auth-http-routes";
import type { IAuthThrottle } from "./auth-throttle";
import { readGuardedJson } from "./read-guarded-json";
import { errorBody, sendJson } from "./send-json";
import { serializeSessionCookie } from "./session-cookie";
import type { SessionCookieOptions } from "./session-cookie";

export const AUTH_SIGNUP_PATH = "/api/auth/signup";

export interface SignUpHttpRouteDeps {
  readonly signUp: SignUp;
  readonly cookie: SessionCookieOptions;
  /** Sign-up budget per client address (the account keys are unused: the name is not an account yet). */
  readonly signupThrottle: IAuthThrottle;
}

/**
 * `POST /api/auth/signup` `{ username, password }`:
 *
 * - 201 `{ token, user: { id, roles } }` + `Set-Cookie`, as a successful login (the new account is signed in)
 * - 400 `INVALID_INPUT` `{ message }` naming the first broken rule (also for a body that is not a JSON object)
 * - 409 `USERNAME_TAKEN`, after the same password hash a free name costs, so timing adds nothing to the code
 * - 429 `RATE_LIMITED` + `Retry-After` past the per-address budget; only rule-abiding attempts count
 *   (they are the ones that cost a hash or make an account), checked before the hash
 * - 403 `CROSS_SITE_REQUEST` / 400 `INVALID_BODY` (not `application/json`), as the login route
 *
 * @example
 * const route = createSignUpHttpRoute({ signUp, cookie: { secure: true, maxAgeSeconds: 86_400 }, signupThrottle });
 */
export function createSignUpHttpRoute(deps: SignUpHttpRouteDeps): HttpRoute {
  return {
    method: "POST",
    path: AUTH_SIGNUP_PATH,
    async handler(req, res) {
      const read = await readGuardedJson(req, res, "INVALID_INPUT");
      if (read === null) return;
      const body = read.body;
      const violation = accountRuleViolation(body);
      if (violation !== null) {
        sendJson(res, 400, errorBody("INVALID_INPUT", violation));
        return;
      }
      if (!(await admitAttempt(deps.signupThrottle, { address: req.socket.remoteAddress }, res))) return;
      const result = await deps.signUp(body);
      if (!result.ok) {
        sendJson(res, result.code === "USERNAME_TAKEN" ? 409 : 400, errorBody(result.code, result.message));
        return;
      }
      sendJson(res, 201, { token: result.token, user: result.user }, {
        "set-cookie": serializeSessionCookie(result.token, deps.cookie),
      });
    },
  };
}

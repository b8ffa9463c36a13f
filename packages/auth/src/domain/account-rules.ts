import { z } from "zod";

/** Usernames: 3-32 letters, digits, `_`, `.` or `-`, starting with a letter or digit (they appear in pages and logs). */
const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{2,31}$/;
const PASSWORD_MIN_LENGTH = 8;
/** argon2 takes any length, but a megabyte password is a CPU attack, not a password. */
const PASSWORD_MAX_LENGTH = 256;

const ZUsername = z
  .string()
  .regex(USERNAME_PATTERN, "Username must be 3-32 letters, digits, '_', '.' or '-', starting with a letter or digit");

const ZPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Password must be at most ${PASSWORD_MAX_LENGTH} characters`);

/** The body of `POST /api/auth/signup`, and the rules a new account must meet. */
export const ZSignUpRequest = z
  .strictObject({ username: ZUsername, password: ZPassword })
  .refine((input) => input.password.toLowerCase() !== input.username.toLowerCase(), {
    message: "Password must differ from the username",
    path: ["password"],
  });

/**
 * The first broken rule as one sentence, or `null` when `input` meets them all.
 *
 * @example
 * accountRuleViolation({ username: "al", password: "x" }); // "Username must be 3-32 letters, ..."
 */
export function accountRuleViolation(input: unknown): string | null {
  const parsed = ZSignUpRequest.safeParse(input);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  if (issue === undefined) return "Send a JSON object { username: string, password: string }";
  if (issue.code === "invalid_type" || issue.code === "unrecognized_keys") return "Send a JSON object { username: string, password: string }";
  return issue.message;
}

"use client";

import { useState } from "react";
import type { FormEvent } from "react";

/** What the server's `{ error: { code, message } }` says, as a sentence for the form. */
function describeRefusal(status: number, body: unknown, retryAfter: string | null): string {
  const error = typeof body === "object" && body !== null && "error" in body ? (body as { error: { code?: unknown; message?: unknown } }).error : undefined;
  const message = typeof error?.message === "string" ? error.message : undefined;
  if (status === 409) return "That username is taken; choose another.";
  if (status === 400 && message !== undefined) return `${message}.`;
  if (status === 429) return `Too many sign-ups from this address; try again in ${retryAfter ?? "a few"} seconds.`;
  return `Sign-up failed (${status}).`;
}

/**
 * Posts `{ username, password }` as JSON to /api/auth/signup. The account is
 * signed in by the answer (its session cookie), so success goes home; every
 * refusal is shown as the server's reason (which rule, name taken, throttled).
 */
export function SignUpForm() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (form.get("password") !== form.get("confirm")) {
      setError("The two passwords differ.");
      return;
    }
    setPending(true);
    setError(null);
    try {
      const response = await fetch("/api/auth/signup", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: form.get("username"), password: form.get("password") }),
      });
      if (response.status === 201) {
        // A full navigation: the realtime client connects with the new cookie.
        window.location.assign("/");
        return;
      }
      const body: unknown = await response.json().catch((parseError: unknown) => {
        console.warn("sign-up answer was not JSON", parseError);
        return null;
      });
      setError(describeRefusal(response.status, body, response.headers.get("retry-after")));
    } catch (caught) {
      console.warn("sign-up request failed", caught);
      setError("Could not reach the server.");
    } finally {
      setPending(false);
    }
  };

  return (
    <form data-testid="sign-up-form" onSubmit={(event) => void onSubmit(event)}>
      <label>
        Username
        <input name="username" autoComplete="username" required minLength={3} maxLength={32} />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="new-password" required minLength={8} maxLength={256} />
      </label>
      <label>
        Password again
        <input name="confirm" type="password" autoComplete="new-password" required />
      </label>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create account"}
      </button>
    </form>
  );
}

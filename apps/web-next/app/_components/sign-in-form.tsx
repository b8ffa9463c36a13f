"use client";

import { useState } from "react";
import type { FormEvent } from "react";

/** Posts `{ username, password }` as JSON to /api/auth/login; the session cookie comes back and we go home. */
export function SignInForm() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const response = await fetch("/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: form.get("username"), password: form.get("password") }),
      });
      if (response.ok) {
        // A full navigation: the realtime client reconnects with the new cookie.
        window.location.assign("/");
        return;
      }
      setError(response.status === 401 ? "Wrong username or password." : `Sign-in failed (${response.status}).`);
    } catch (caught) {
      console.warn("sign-in request failed", caught);
      setError("Could not reach the server.");
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)}>
      <label>
        Username
        <input name="username" autoComplete="username" required />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

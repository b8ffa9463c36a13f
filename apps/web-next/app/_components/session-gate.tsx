"use client";

import type { ReactNode } from "react";
import type { SessionState, SignedInUser } from "./use-signed-in-user";

/**
 * What every signed-in-only page shows while the session loads, when it
 * could not be loaded, and when nobody is signed in; `children` renders the
 * signed-in page for the user.
 *
 * @example
 * <SessionGate session={session} signedOut={<>Sign in to vote.</>}>{(user) => <Polls user={user} />}</SessionGate>
 */
export function SessionGate({
  session,
  signedOut,
  children,
}: {
  readonly session: SessionState;
  /** The sentence shown to a visitor; it should contain a link to `/sign-in`. */
  readonly signedOut: ReactNode;
  readonly children: (user: SignedInUser) => ReactNode;
}) {
  switch (session.state) {
    case "loading":
      return <p className="muted">Loading…</p>;
    case "failed":
      return (
        <p className="error" role="alert">
          Could not load your session: {session.message}
        </p>
      );
    case "signed-out":
      return (
        <section className="panel">
          <p>{signedOut}</p>
        </section>
      );
    case "signed-in":
      return children(session.user);
  }
}

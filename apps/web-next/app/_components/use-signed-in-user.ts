"use client";

import { useEffect, useState } from "react";
import type { AppTrpcClient } from "./trpc-client";

/** Who the page is for, as `auth.me` answers it. */
export type SignedInUser = NonNullable<Awaited<ReturnType<AppTrpcClient["auth"]["me"]["query"]>>>;

export type SessionState =
  | { readonly state: "loading" }
  | { readonly state: "failed"; readonly message: string }
  | { readonly state: "signed-out" }
  | { readonly state: "signed-in"; readonly user: SignedInUser };

/**
 * Asks `auth.me` once: the session cookie decides, so the page never trusts
 * anything the browser says about who it is.
 *
 * @example
 * const session = useSignedInUser(trpc);
 * if (session.state === "signed-in") return <Inbox userId={session.user.id} />;
 */
export function useSignedInUser(trpc: AppTrpcClient): SessionState {
  const [session, setSession] = useState<SessionState>({ state: "loading" });
  useEffect(() => {
    let live = true;
    trpc.auth.me.query().then(
      (me) => live && setSession(me === null ? { state: "signed-out" } : { state: "signed-in", user: me }),
      (error: unknown) => live && setSession({ state: "failed", message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [trpc]);
  return session;
}

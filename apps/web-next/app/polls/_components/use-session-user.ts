"use client";

import { useEffect, useState } from "react";
import type { AppTrpcClient } from "../../_components/trpc-client";

export type SessionUser = NonNullable<Awaited<ReturnType<AppTrpcClient["auth"]["me"]["query"]>>>;

export type SessionState =
  | { readonly state: "loading" }
  | { readonly state: "failed"; readonly message: string }
  | { readonly state: "signed-out" }
  | { readonly state: "signed-in"; readonly user: SessionUser };

/**
 * Asks `auth.me` once: the session cookie decides who the page is for.
 *
 * @example
 * const session = useSessionUser(trpc);
 */
export function useSessionUser(trpc: AppTrpcClient): SessionState {
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

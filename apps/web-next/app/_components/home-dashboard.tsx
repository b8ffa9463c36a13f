"use client";

import { useEffect, useMemo, useState } from "react";
import { ConnectionPanel } from "./connection-panel";
import { RealtimeRoot } from "./realtime-root";
import { createAppTrpcClient } from "./trpc-client";

interface Me {
  readonly id: string;
  readonly roles: readonly string[];
}

interface ChannelRow {
  readonly name: string;
  readonly scope: string;
  readonly authorized: boolean | null;
  readonly acceptsPublish: boolean;
}

type Loaded = { readonly state: "loading" } | { readonly state: "failed"; readonly message: string } | { readonly state: "loaded"; readonly me: Me | null; readonly channels: readonly ChannelRow[] };

async function signOut(): Promise<void> {
  const response = await fetch("/api/auth/logout", { method: "POST" });
  if (!response.ok) console.warn("sign-out answered", response.status);
  window.location.assign("/sign-in");
}

function authorizedLabel(authorized: boolean | null): string {
  if (authorized === null) return "depends on params";
  return authorized ? "yes" : "no";
}

/** The home page: who is signed in, the live connection, and the channels this user may subscribe to. */
export function HomeDashboard() {
  const trpc = useMemo(() => createAppTrpcClient(), []);
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });

  useEffect(() => {
    let live = true;
    Promise.all([trpc.auth.me.query(), trpc.realtime.channels.query()]).then(
      ([me, channels]) => live && setLoaded({ state: "loaded", me, channels }),
      (error: unknown) => live && setLoaded({ state: "failed", message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [trpc]);

  return (
    <>
      <section className="panel" aria-label="Account">
        {loaded.state === "loading" && <p className="muted">Loading…</p>}
        {loaded.state === "failed" && <p className="error">Could not load your session: {loaded.message}</p>}
        {loaded.state === "loaded" && loaded.me === null && (
          <div className="row">
            <span>Not signed in.</span>
            <a href="/sign-in">Sign in</a>
            <a href="/sign-up">Sign up</a>
          </div>
        )}
        {loaded.state === "loaded" && loaded.me !== null && (
          <div className="row">
            <span>
              Signed in as <strong data-testid="user-id">{loaded.me.id}</strong>
              {loaded.me.roles.length > 0 && <span className="muted"> ({loaded.me.roles.join(", ")})</span>}
            </span>
            <button type="button" className="secondary" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        )}
      </section>

      <RealtimeRoot>
        <ConnectionPanel />
      </RealtimeRoot>

      <section className="panel" aria-label="Channels">
        <h2>Channels</h2>
        {loaded.state === "loaded" ? (
          <table>
            <thead>
              <tr>
                <th>Channel</th>
                <th>Scope</th>
                <th>You may subscribe</th>
                <th>Accepts publish</th>
              </tr>
            </thead>
            <tbody>
              {loaded.channels.map((channel) => (
                <tr key={channel.name}>
                  <td>
                    <code>{channel.name}</code>
                  </td>
                  <td>{channel.scope}</td>
                  <td>{authorizedLabel(channel.authorized)}</td>
                  <td>{channel.acceptsPublish ? "yes" : "no"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">…</p>
        )}
      </section>
    </>
  );
}

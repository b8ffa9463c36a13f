import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectRefused } from "../__tests__/realtime-test-client";
import type { RecordingSocket } from "../__tests__/realtime-test-client";
import { waitFor } from "../__tests__/test-server";
import { startSecurityServer } from "./security-kit";
import type { SecurityServer } from "./security-kit";

/**
 * Issue #18 finding 7 (realtime part): anonymous sockets are capped per
 * client address (`REALTIME_MAX_ANONYMOUS_CONNECTIONS_PER_ADDRESS`), so one
 * address cannot hold an unbounded number of connections; signed-in users
 * have their own per-user cap and are not counted here.
 */
describe("security: anonymous connections per address", () => {
  let sec: SecurityServer;
  beforeAll(async () => {
    sec = await startSecurityServer({ REALTIME_MAX_ANONYMOUS_CONNECTIONS_PER_ADDRESS: "3" });
  });
  afterAll(async () => {
    await sec.close();
  });

  it("refuses the address's next anonymous socket with TOO_MANY_CONNECTIONS, admits signed-in users, and frees the slots on disconnect", async () => {
    const anonymous: RecordingSocket[] = [];
    for (let i = 0; i < 3; i++) anonymous.push(await sec.connect());
    expect(await connectRefused(sec.server.url)).toMatchObject({ code: "TOO_MANY_CONNECTIONS" });
    // The refused one never took a slot, and nothing was admitted for it.
    expect(sec.server.realtimeServer.diagnostics()).toMatchObject({ sockets: 3, anonymousAddresses: 1 });

    const bob = await sec.signIn("bob");
    const signedIn = await sec.connect({ token: bob.token });
    expect(signedIn.socket.connected).toBe(true);
    expect(await signedIn.subscribe("sec.members")).toMatchObject({ ok: true });

    anonymous[0]?.close();
    await waitFor(() => sec.server.realtimeServer.diagnostics().sockets === 3, 5_000, "the server saw one anonymous socket leave");
    const again = await sec.connect();
    expect(again.socket.connected).toBe(true);
    expect(await connectRefused(sec.server.url)).toMatchObject({ code: "TOO_MANY_CONNECTIONS" });

    [...anonymous, again, signedIn].forEach((socket) => socket.close());
    await waitFor(() => sec.server.realtimeServer.diagnostics().anonymousAddresses === 0, 5_000, "every anonymous slot released");
  });
});

import type { Metadata } from "next";
import { headers } from "next/headers";
import { forbidden } from "next/navigation";
import { AdminScreen } from "./_components/admin-screen";
import { findPageCaller } from "../../src/server/page-caller";
import { loadAdminPage } from "./_server/load-admin-page";

export const metadata: Metadata = { title: "Admin · Realtime Starter" };

// Per request: the answer depends on the session cookie.
export const dynamic = "force-dynamic";

/**
 * The live admin dashboard. The session is checked on the server before
 * anything renders: a non-admin (or a guest) gets `forbidden()`, i.e. HTTP
 * 403 and `forbidden.tsx`, and the response never contains dashboard data.
 * An admin gets the current snapshot in the first paint, then live updates.
 */
export default async function AdminPage() {
  const cookieHeader = (await headers()).get("cookie") ?? undefined;
  const access = await loadAdminPage(findPageCaller(), cookieHeader);
  if (access.kind === "forbidden") forbidden();

  return (
    <main>
      <h1>Admin</h1>
      <AdminScreen initial={access.snapshot} />
    </main>
  );
}

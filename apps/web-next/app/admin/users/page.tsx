import type { Metadata } from "next";
import { headers } from "next/headers";
import { forbidden } from "next/navigation";
import { findPageCaller } from "../../../src/server/page-caller";
import { UsersTable } from "./_components/users-table";
import { loadUsersPage } from "./_server/load-users-page";

export const metadata: Metadata = { title: "Users · Realtime Starter" };

// Per request: the answer depends on the session cookie.
export const dynamic = "force-dynamic";

/**
 * Every account and its roles; admins grant or revoke `admin` here
 * (`auth.setRoles`). Checked on the server before anything renders: anyone
 * else gets HTTP 403 and `forbidden.tsx`, with no account in the response.
 */
export default async function UsersPage() {
  const cookieHeader = (await headers()).get("cookie") ?? undefined;
  const access = await loadUsersPage(findPageCaller(), cookieHeader);
  if (access.kind === "forbidden") forbidden();

  return (
    <main>
      <h1>Users</h1>
      <UsersTable initial={access.users} />
    </main>
  );
}

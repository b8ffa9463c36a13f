import type { Metadata } from "next";
import { AdminOnlyNotice } from "../_components/admin-only-notice";

export const metadata: Metadata = { title: "Forbidden · Realtime Starter" };

/** What `/admin` renders, with HTTP 403, for anyone who is not an admin. */
export default function AdminForbidden() {
  return <AdminOnlyNotice what="The admin dashboard" />;
}

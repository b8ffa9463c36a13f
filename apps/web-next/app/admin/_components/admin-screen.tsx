"use client";

import type { TDashboardSnapshot } from "@repo/admin-observability/client";
import { useMemo } from "react";
import { RealtimeRoot } from "../../_components/realtime-root";
import { createAppTrpcClient } from "../../_components/trpc-client";
import { AdminDashboard } from "./admin-dashboard";

/** The client half of `/admin`: only ever rendered for an admin (the page checked the session). */
export function AdminScreen({ initial }: { readonly initial: TDashboardSnapshot }) {
  const trpc = useMemo(() => createAppTrpcClient(), []);
  return (
    <RealtimeRoot>
      <AdminDashboard initial={initial} trpc={trpc} />
    </RealtimeRoot>
  );
}

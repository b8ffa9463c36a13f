import { REALTIME_PROTOCOL_VERSION } from "@repo/core-realtime/client";
import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { findPageRealtimeConfig } from "../src/server/page-realtime-config";
import { RealtimeProtocolVersionProvider } from "./_components/realtime-protocol-version";
import "./globals.css";

export const metadata: Metadata = {
  title: "Realtime Starter",
  description: "Next.js, tRPC and Socket.IO on one server",
};

/** Every page of the app; one list so the nav and the e2e tests agree. */
const PAGES = [
  { href: "/", label: "Home" },
  { href: "/notifications", label: "Notifications" },
  { href: "/polls", label: "Polls" },
  { href: "/articles", label: "Articles" },
  { href: "/admin", label: "Admin" },
  { href: "/admin/users", label: "Users" },
] as const;

export default async function RootLayout({ children }: { readonly children: ReactNode }) {
  // Rendered per request, never at build time: the protocol version is the running server's
  // (REALTIME_PROTOCOL_VERSION), so a tab reloaded after a version bump speaks the new one.
  await connection();
  const protocolVersion = findPageRealtimeConfig()?.protocolVersion ?? REALTIME_PROTOCOL_VERSION;
  return (
    <html lang="en">
      <body>
        <nav className="site-nav" aria-label="Pages">
          {PAGES.map((page) => (
            <a key={page.href} href={page.href}>
              {page.label}
            </a>
          ))}
        </nav>
        <RealtimeProtocolVersionProvider version={protocolVersion}>{children}</RealtimeProtocolVersionProvider>
      </body>
    </html>
  );
}

import type { Metadata } from "next";
import type { ReactNode } from "react";
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

export default function RootLayout({ children }: { readonly children: ReactNode }) {
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
        {children}
      </body>
    </html>
  );
}

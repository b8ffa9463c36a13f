import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Workspace packages ship TypeScript source (ADR-017): Next compiles the ones pages import.
  transpilePackages: ["@repo/core-realtime", "@repo/core-trpc"],
  // The custom server binds 0.0.0.0 and tells Next "localhost"; browsing 127.0.0.1 must keep HMR working.
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  reactStrictMode: true,
  poweredByHeader: false,
  // `forbidden()` (the /admin page's 403) is behind this flag in Next 16.
  experimental: { authInterrupts: true },
};

export default nextConfig;

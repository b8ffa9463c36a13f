import { createVendorImportRule } from "../vendor-import-rule";

/** ADR-016 R2: the only files that may load Socket.IO. Globs are relative to the repo root. */
export const DEFAULT_SOCKET_IO_ALLOW: readonly string[] = ["packages/core-realtime/src/**/socket-io-*.ts", "apps/*/server.ts"];

export type NoDirectSocketIoOptions = [{ allow?: string[] }];

/**
 * ADR-016 R2: `socket.io` / `socket.io-client` (any subpath, any import form, aliases resolved)
 * only in the `allow` globs. Docs: docs/rules/no-direct-socket-io.md.
 *
 * @example
 * rules: { "@repo/no-direct-socket-io": ["error", { allow: [...DEFAULT_SOCKET_IO_ALLOW, "packages/bench/**"] }] }
 */
export const noDirectSocketIo = createVendorImportRule({
  name: "no-direct-socket-io",
  description: "Allow `socket.io` / `socket.io-client` only in the realtime adapter files and app servers",
  messageId: "noDirectSocketIo",
  instead: "depend on IRealtimeBroadcaster / IRealtimeServer from @repo/core-realtime",
  vendors: ["socket.io", "socket.io-client"],
  allow: DEFAULT_SOCKET_IO_ALLOW,
  allowDescription: "Repo-relative globs of files that may import socket.io and socket.io-client.",
});

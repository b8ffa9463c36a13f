import { createRule } from "../create-rule";
import { fileScope } from "../file-scope";
import { matchesAnyGlob } from "../glob";
import { moduleReferenceListener } from "../module-references";
import { vendorOf } from "../vendor-module";

/** ADR-016 R2: the only files that may load Socket.IO. Globs are relative to the repo root. */
export const DEFAULT_SOCKET_IO_ALLOW: readonly string[] = ["packages/core-realtime/src/**/socket-io-*.ts", "apps/*/server.ts"];

const SOCKET_IO_PACKAGES = ["socket.io", "socket.io-client"];

export type NoDirectSocketIoOptions = [{ allow?: string[] }];

/**
 * ADR-016 R2: `socket.io` / `socket.io-client` (any subpath, any import form, aliases resolved)
 * only in the `allow` globs. Docs: docs/rules/no-direct-socket-io.md.
 *
 * @example
 * rules: { "@repo/no-direct-socket-io": ["error", { allow: [...DEFAULT_SOCKET_IO_ALLOW, "packages/bench/**"] }] }
 */
export const noDirectSocketIo = createRule<NoDirectSocketIoOptions, "noDirectSocketIo">({
  name: "no-direct-socket-io",
  meta: {
    type: "problem",
    docs: {
      description: "Allow `socket.io` / `socket.io-client` only in the realtime adapter files and app servers",
    },
    messages: {
      noDirectSocketIo:
        "Import {{module}} only in {{allowed}}; depend on IRealtimeBroadcaster / IRealtimeServer from @repo/core-realtime instead.",
    },
    schema: [
      {
        type: "object",
        properties: {
          allow: {
            type: "array",
            items: { type: "string" },
            uniqueItems: true,
            description: "Repo-relative globs of files that may import socket.io and socket.io-client.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allow: [...DEFAULT_SOCKET_IO_ALLOW] }],
  },
  create(context, [options]) {
    const allow = options.allow ?? [...DEFAULT_SOCKET_IO_ALLOW];
    const scope = fileScope(context);
    if (matchesAnyGlob(scope.repoPath, allow)) return {};
    return moduleReferenceListener((reference) => {
      const module = vendorOf(scope.resolve(reference.specifier), SOCKET_IO_PACKAGES);
      if (module === undefined) return;
      context.report({
        node: reference.node,
        messageId: "noDirectSocketIo",
        data: { module, allowed: allow.join(" or ") },
      });
    });
  },
});

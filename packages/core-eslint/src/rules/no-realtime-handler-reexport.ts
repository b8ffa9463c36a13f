import { createHandlerPrivacyRule } from "../handler-privacy";

/**
 * ADR-016 R1: `realtime/handlers/*` are imported only by the feature's own bind files (and tests
 * beside them) and never re-exported. Docs: docs/rules/no-realtime-handler-reexport.md.
 *
 * @example
 * rules: { "@repo/no-realtime-handler-reexport": "error" }
 */
export const noRealtimeHandlerReexport = createHandlerPrivacyRule({
  name: "no-realtime-handler-reexport",
  segment: "realtime/handlers",
  description: "Keep `realtime/handlers/*` private: imported only by the feature's bind files, never re-exported",
  handlerNoun: "realtime handler",
  publicInstead: "channel descriptors (realtime/<name>.channel.ts)",
});

import { createHandlerPrivacyRule } from "../handler-privacy";

/**
 * ADR-015: `events/handlers/*` are imported only by the feature's own bind files (and tests
 * beside them) and never re-exported. Docs: docs/rules/no-handler-reexport.md.
 *
 * @example
 * rules: { "@repo/no-handler-reexport": "error" }
 */
export const noHandlerReexport = createHandlerPrivacyRule({
  name: "no-handler-reexport",
  segment: "events/handlers",
  description: "Keep `events/handlers/*` private: imported only by the feature's bind files, never re-exported",
  handlerNoun: "event handler",
  publicInstead: "event descriptors in events/",
});

/**
 * `@repo/core-realtime/react`: hooks over one shared `RealtimeClient`.
 */
export { RealtimeProvider, useChannel, useConnectionDiagnostics, useConnectionStatus, usePresenceMembers, useRealtimeClient } from "./react/realtime-hooks";
/** @public The user-ids presence hook AGENTS.md names for pages (no page uses it since display names). */
export { usePresence } from "./react/realtime-hooks";

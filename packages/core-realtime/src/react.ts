/**
 * `@repo/core-realtime/react`: hooks over one shared `RealtimeClient`.
 */
export { RealtimeProvider, useChannel, useConnectionDiagnostics, useConnectionStatus, usePresence, usePresenceMembers, useRealtimeClient } from "./react/realtime-hooks";

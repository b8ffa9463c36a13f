/**
 * `@repo/core-realtime/react`: hooks over one shared `RealtimeClient`.
 */
export { RealtimeProvider, useChannel, useConnectionStatus, usePresence, useRealtimeClient } from "./react/realtime-hooks";

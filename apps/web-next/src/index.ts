export { bindAll, featureConfigFromEnv } from "./bind-all";
export type { AppRouter, BindAllDeps, BindAllOptions, BoundApp, RealtimeBinding } from "./bind-all";
export { RealtimeNotBoundError, resolveRealtime } from "./realtime/resolve-realtime";
export { realtimePingChannel, ZRealtimePingReply, ZRealtimePingRequest, ZRealtimePingTick } from "./realtime/realtime-ping.channel";
export type { TRealtimePingReply, TRealtimePingRequest, TRealtimePingTick } from "./realtime/realtime-ping.channel";
export { parseEnv, InvalidEnvError } from "./env";
export type { AppEnv, ParsedEnv } from "./env";
export { startServer } from "./server/start-server";
export type { RunningServer, StartServerOptions } from "./server/start-server";

/**
 * What a page's realtime client must know from the server that rendered it.
 * Read at request time (the root layout renders dynamically), never baked in
 * at build time: after an operator changes REALTIME_PROTOCOL_VERSION, a
 * reloaded tab speaks the running server's version.
 */
export interface PageRealtimeConfig {
  /** The protocol version the realtime server requires (`auth.version`, same major). */
  readonly protocolVersion: string;
}

// Next renders pages from its own module graph: a registry-wide symbol is what both graphs share (as page-caller.ts).
const PAGE_REALTIME_CONFIG_KEY = Symbol.for("@repo/web-next/page-realtime-config");

type PageRealtimeConfigHolder = { [PAGE_REALTIME_CONFIG_KEY]?: PageRealtimeConfig };

/**
 * Makes `config` the one pages read; returns the function that removes it (shutdown, tests).
 *
 * @example
 * const unpublish = publishPageRealtimeConfig({ protocolVersion: realtimeServer.protocolVersion });
 */
export function publishPageRealtimeConfig(config: PageRealtimeConfig): () => void {
  const holder = globalThis as PageRealtimeConfigHolder;
  const published = Object.freeze({ ...config });
  holder[PAGE_REALTIME_CONFIG_KEY] = published;
  return () => {
    if (holder[PAGE_REALTIME_CONFIG_KEY] === published) delete holder[PAGE_REALTIME_CONFIG_KEY];
  };
}

/**
 * The published config, or `undefined` when no server published one (`next dev` without server.ts,
 * a build's prerender): callers then fall back to the package's `REALTIME_PROTOCOL_VERSION`.
 *
 * @example
 * const protocolVersion = findPageRealtimeConfig()?.protocolVersion ?? REALTIME_PROTOCOL_VERSION;
 */
export function findPageRealtimeConfig(): PageRealtimeConfig | undefined {
  return (globalThis as PageRealtimeConfigHolder)[PAGE_REALTIME_CONFIG_KEY];
}

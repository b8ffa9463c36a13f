/** The two things the `realtime` generator scaffolds. */
export const REALTIME_KINDS = ["channel", "handler"] as const;
export type RealtimeKind = (typeof REALTIME_KINDS)[number];

/**
 * Whether `value` names one of the realtime scaffolds.
 *
 * @example
 * isRealtimeKind("channel"); // true
 */
export function isRealtimeKind(value: unknown): value is RealtimeKind {
  return REALTIME_KINDS.some((kind) => kind === value);
}

/** A feature's files the realtime generator reads and edits, repo-relative. */
export interface FeatureWiringFiles {
  readonly index: string;
  readonly symbols: string;
  /** The one wiring the generators edit; bind-dev-seed.ts runs it, then seeds. */
  readonly bindProduction: string;
}

/**
 * The files of `packages/<feature>` that carry the anchors (AGENTS.md "Anchors").
 *
 * @example
 * featureWiringFiles("polls").bindProduction; // "packages/polls/src/bind-production.ts"
 */
export function featureWiringFiles(feature: string): FeatureWiringFiles {
  const src = `packages/${feature}/src`;
  return {
    index: `${src}/index.ts`,
    symbols: `${src}/di/symbols.ts`,
    bindProduction: `${src}/bind-production.ts`,
  };
}

/**
 * Where a channel and its test live (AGENTS.md "Where things go").
 *
 * @example
 * channelFiles("polls", "votes").source; // "packages/polls/src/realtime/votes.channel.ts"
 */
export function channelFiles(feature: string, name: string): { readonly source: string; readonly test: string } {
  const base = `packages/${feature}/src/realtime/${name}.channel`;
  return { source: `${base}.ts`, test: `${base}.test.ts` };
}

/**
 * Where an inbound handler and its test live; private to the feature's bind files (ADR-016 R1).
 *
 * @example
 * handlerFiles("polls", "votes").source; // "packages/polls/src/realtime/handlers/on-votes.handler.ts"
 */
export function handlerFiles(feature: string, name: string): { readonly source: string; readonly test: string } {
  const base = `packages/${feature}/src/realtime/handlers/on-${name}.handler`;
  return { source: `${base}.ts`, test: `${base}.test.ts` };
}

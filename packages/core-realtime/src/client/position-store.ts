import type { SequencePosition } from "./channel-sequence-tracker";

/** Where a client keeps the last `seq` it delivered per channel, so a reload can ask for what it missed. */
export interface PositionStore {
  load(channel: string): SequencePosition | undefined;
  save(channel: string, position: SequencePosition): void;
}

const KEY_PREFIX = "realtime:pos:";

/** The part of the Web Storage API used here (declared locally so Node code needs no DOM types). */
interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** A `Storage` (sessionStorage in a tab: survives reloads, not other tabs). */
function storagePositionStore(storage: KeyValueStorage): PositionStore {
  return {
    load(channel) {
      const raw = storage.getItem(KEY_PREFIX + channel);
      if (raw === null) return undefined;
      try {
        const parsed = JSON.parse(raw) as { seq?: unknown; epoch?: unknown };
        return typeof parsed.seq === "number" && typeof parsed.epoch === "string"
          ? { seq: parsed.seq, epoch: parsed.epoch }
          : undefined;
      } catch (error) {
        // A corrupt entry only costs a snapshot reload; say so where a developer looks.
        console.warn(`realtime: ignoring unreadable stored position for ${channel}`, error);
        return undefined;
      }
    },
    save(channel, position) {
      storage.setItem(KEY_PREFIX + channel, JSON.stringify(position));
    },
  };
}

/** Keeps positions for the life of the client only. */
export function memoryPositionStore(): PositionStore {
  const positions = new Map<string, SequencePosition>();
  return {
    load: (channel) => positions.get(channel),
    save: (channel, position) => void positions.set(channel, position),
  };
}

/** sessionStorage in a browser, memory elsewhere. */
export function defaultPositionStore(): PositionStore {
  const storage = (globalThis as { sessionStorage?: KeyValueStorage }).sessionStorage;
  return storage === undefined ? memoryPositionStore() : storagePositionStore(storage);
}

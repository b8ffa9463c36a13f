import type { RealtimeErrorBody } from "../protocol/errors";
import type { PresenceUpdate, RealtimeMessage } from "../protocol/wire-protocol";

export interface SubscribeOptions {
  /** The server refused the subscription, or later took it away (roles changed, session ended). */
  readonly onError?: (error: RealtimeErrorBody) => void;
  /**
   * After a reconnect or reload: `true` when every missed message was replayed,
   * `false` when the app must reload a snapshot (history too short, epoch changed).
   */
  readonly onRecovered?: (recovered: boolean) => void;
  /** The server accepted the subscription (again, after every reconnect). */
  readonly onSubscribed?: () => void;
  /** Someone joined or left a presence channel (their first connection came, or their last one went). */
  readonly onPresence?: (update: PresenceUpdate) => void;
}

export interface SubscriptionListener {
  readonly onMessage: (payload: unknown, message: RealtimeMessage) => void;
  readonly options: SubscribeOptions;
}

import { articlePublished } from "@repo/articles";
import type { EventDescriptor } from "@repo/core-events";
import { jobCompleted, jobEnqueued, jobFailed } from "@repo/core-events";
import { notificationSent } from "@repo/notifications";
import { pollClosed, pollCreated, pollOpened, voteAccepted } from "@repo/polls";
import { adminObservabilityStarted } from "../events/admin-observability-started.event";

/**
 * The bridge allowlist of the dashboard: the bus events and job lifecycle
 * events forwarded to `admin.observability` (and kept in its activity log).
 * An event not listed here never reaches the dashboard. Add a feature's
 * events here when it should show up.
 */
export const ADMIN_ACTIVITY_EVENTS: readonly EventDescriptor[] = [
  jobEnqueued,
  jobCompleted,
  jobFailed,
  articlePublished,
  notificationSent,
  pollCreated,
  pollOpened,
  pollClosed,
  voteAccepted,
  adminObservabilityStarted,
];

/** Where the process is in its life; readiness follows it. */
type LifecyclePhase = "starting" | "ready" | "draining" | "stopped";

export interface Lifecycle {
  readonly phase: LifecyclePhase;
  markReady(): void;
  markDraining(): void;
  markStopped(): void;
}

/**
 * A one-way phase machine: starting -> ready -> draining -> stopped. Going
 * back is ignored, so a late `markReady` during shutdown cannot re-open the
 * load balancer's door.
 *
 * @example
 * const lifecycle = createLifecycle();
 * lifecycle.markReady(); // GET /readyz now answers 200
 */
export function createLifecycle(): Lifecycle {
  const order: readonly LifecyclePhase[] = ["starting", "ready", "draining", "stopped"];
  let phase: LifecyclePhase = "starting";
  const advance = (next: LifecyclePhase): void => {
    if (order.indexOf(next) > order.indexOf(phase)) phase = next;
  };
  return {
    get phase() {
      return phase;
    },
    markReady: () => advance("ready"),
    markDraining: () => advance("draining"),
    markStopped: () => advance("stopped"),
  };
}

import type { TMetricsSample } from "../domain/metrics-sample";
import type { IMetricsSampleStore } from "./metrics-sample-store";
import { DEFAULT_SAMPLE_HISTORY_SIZE } from "./metrics-sample-store";
import { RingBuffer } from "./ring-buffer";

/**
 * The last `capacity` samples of this instance (metrics are per process).
 *
 * @example
 * const samples = new InMemoryMetricsSampleStore(60);
 * await samples.append(sample);
 * await samples.recent(60); // oldest first
 */
export class InMemoryMetricsSampleStore implements IMetricsSampleStore {
  readonly #samples: RingBuffer<TMetricsSample>;

  constructor(capacity = DEFAULT_SAMPLE_HISTORY_SIZE) {
    this.#samples = new RingBuffer(capacity);
  }

  append(sample: TMetricsSample): Promise<void> {
    this.#samples.push(structuredClone(sample));
    return Promise.resolve();
  }

  recent(limit: number): Promise<TMetricsSample[]> {
    return Promise.resolve(this.#samples.oldestFirst(limit).map((sample) => structuredClone(sample)));
  }
}

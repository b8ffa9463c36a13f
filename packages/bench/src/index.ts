export { start } from "./start";
export type { StartOptions, StartedBenchServer } from "./start";
export { LatencyHistogram } from "./stats/latency-histogram";
export type { HistogramBuckets } from "./stats/latency-histogram";
export { median, ratio } from "./stats/ratio";
export { RateSearch } from "./rate-search";
export type { RateSearchOptions } from "./rate-search";

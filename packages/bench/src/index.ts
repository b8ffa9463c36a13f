/** @public The `start()` door (docs/benchmarks.md): load drivers outside this repo import it, no workspace does. */
export { start } from "./start";
/** @public The door's option and result types. */
export type { StartOptions, StartedBenchServer } from "./start";

export { createLogCapture } from "./log-capture";
export type { LogCapture } from "./log-capture";

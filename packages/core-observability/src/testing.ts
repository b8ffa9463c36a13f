export { createLogCapture } from "./log-capture";
export type { LogCapture, LogEntry } from "./log-capture";

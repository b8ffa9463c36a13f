/**
 * Preloaded into every app server the tests start (`node --import tsx
 * --import <this file> server.ts`). The test process holds the write end of
 * the server's stdin; when that process dies, even by SIGKILL, the pipe
 * closes and the server shuts down gracefully instead of living on as an
 * orphan holding a port.
 */
process.stdin.on("end", () => {
  process.kill(process.pid, "SIGTERM");
});
process.stdin.resume();

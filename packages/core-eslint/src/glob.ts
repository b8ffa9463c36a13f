import picomatch from "picomatch";

/**
 * True when the forward-slash, repo-relative `path` matches any of `globs` (picomatch syntax:
 * `**` spans directories and may match none, `*` and `?` stay inside one segment). `dot` is on so
 * a dot-folder is matched like any other.
 *
 * @example
 * matchesAnyGlob("packages/core-events/src/queue.ts", ["packages/core-events/**"]); // true
 */
export function matchesAnyGlob(path: string, globs: readonly string[]): boolean {
  return globs.length > 0 && picomatch([...globs], { dot: true })(path);
}

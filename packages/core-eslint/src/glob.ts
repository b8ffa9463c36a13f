/**
 * A deliberately tiny glob dialect for repo-relative paths: `**` spans directories, `*` and `?`
 * stay inside one segment. `path.matchesGlob` would do, but it is still experimental on Node 20.
 *
 * @example
 * globToRegExp("packages/core-events/**").test("packages/core-events/src/queue.ts"); // true
 */
export function globToRegExp(glob: string): RegExp {
  let source = "";
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob.charAt(index);
    if (char === "*" && glob.charAt(index + 1) === "*") {
      const startsSegment = index === 0 || glob.charAt(index - 1) === "/";
      const endsWithSlash = glob.charAt(index + 2) === "/";
      index += 1;
      if (startsSegment && endsWithSlash) {
        // "**/" may match zero directories: "a/**/b" matches "a/b".
        source += "(?:.*/)?";
        index += 1;
      } else {
        source += ".*";
      }
    } else if (char === "*") {
      source += "[^/]*";
    } else if (char === "?") {
      source += "[^/]";
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
    }
  }
  return new RegExp(`^${source}$`);
}

/**
 * True when the forward-slash, repo-relative `path` matches any of `globs`.
 *
 * @example
 * matchesAnyGlob("packages/core-events/src/queue.ts", ["packages/core-events/**"]); // true
 */
export function matchesAnyGlob(path: string, globs: readonly string[]): boolean {
  return globs.some((glob) => globToRegExp(glob).test(path));
}

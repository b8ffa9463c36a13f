import type { ResolvedModule } from "./module-resolution";

/**
 * Which of `vendors` a resolved import loads, if any: by package name (so subpaths count), or by
 * a path into that package's `node_modules` folder (a tsconfig alias pointing there).
 *
 * @example
 * vendorOf(scope.resolve("socket.io-client/dist/socket.io.js"), ["socket.io-client"]); // "socket.io-client"
 */
export function vendorOf(resolved: ResolvedModule, vendors: readonly string[]): string | undefined {
  const byName = vendors.find((vendor) => resolved.bare?.name === vendor);
  if (byName !== undefined) return byName;
  const file = resolved.file?.split("\\").join("/");
  if (file === undefined) return undefined;
  return vendors.find((vendor) => file.includes(`/node_modules/${vendor}/`) || file.endsWith(`/node_modules/${vendor}`));
}

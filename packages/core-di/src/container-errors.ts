/** `get` of a token nothing was bound to: names both so the fix is obvious. */
export class MissingBindingError extends Error {
  override readonly name = "MissingBindingError";
  constructor(
    readonly tokenDescription: string,
    readonly containerName: string,
  ) {
    super(`No binding for "${tokenDescription}" in container "${containerName}"`);
  }
}

/** A second `bind` of one token: bindings are write-once so wiring order cannot silently win. */
export class DuplicateBindingError extends Error {
  override readonly name = "DuplicateBindingError";
  constructor(
    readonly tokenDescription: string,
    readonly containerName: string,
  ) {
    super(`"${tokenDescription}" is already bound in container "${containerName}"`);
  }
}

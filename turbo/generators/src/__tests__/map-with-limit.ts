/**
 * Runs `task` over `items`, at most `limit` at a time, and returns the results in input order.
 * The repo test runs independent commands two at a time: the machine it must hold on has 2 cores.
 *
 * @example
 * const results = await mapWithLimit(commands, 2, (command) => copy.runAsync(command.bin, command.args));
 */
export async function mapWithLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

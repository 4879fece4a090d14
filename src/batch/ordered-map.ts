// Maps an async stream of items through async work with at most `limit` items taken and not yet
// handed on, yielding results in input order. The bound covers finished results waiting behind a
// slow one too, so memory stays flat whatever the number of items.
export async function* mapInOrder<Item, Result>(
  items: AsyncIterable<Item>,
  limit: number,
  work: (item: Item) => Promise<Result>,
): AsyncGenerator<Result> {
  const pending: Array<Promise<Result>> = []
  for await (const item of items) {
    pending.push(work(item))
    if (pending.length >= limit) yield await pending.shift()!
  }
  while (pending.length > 0) yield await pending.shift()!
}

/** A page of a list as every Aman list route answers it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Every item of a paged list, page after page, up to `maxPages` pages: a screen that must show
 * the whole list (an operator's open queue) cannot stop at the first page, but neither may a
 * runaway list keep it loading for ever.
 */
export async function allPages<T>(load: (cursor: string | null) => Promise<Page<T>>, maxPages: number): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page += 1) {
    const answer = await load(cursor);
    items.push(...answer.items);
    cursor = answer.nextCursor;
    if (!cursor) break;
  }
  return items;
}

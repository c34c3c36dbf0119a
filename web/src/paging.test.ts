import { describe, expect, it } from 'vitest';
import { allPages, type Page } from './paging.js';

function pagedList(total: number, size: number) {
  const asked: (string | null)[] = [];
  const load = (cursor: string | null): Promise<Page<number>> => {
    asked.push(cursor);
    const start = cursor === null ? 0 : Number(cursor);
    const items = Array.from({ length: Math.min(size, total - start) }, (_, i) => start + i);
    const next = start + size < total ? String(start + size) : null;
    return Promise.resolve({ items, nextCursor: next });
  };
  return { load, asked };
}

describe('allPages', () => {
  it('reads past the first page until the list ends, in order', async () => {
    const list = pagedList(1_234, 500);
    const items = await allPages(list.load, 20);
    expect(items).toHaveLength(1_234);
    expect(items[0]).toBe(0);
    expect(items[1_233]).toBe(1_233);
    expect(list.asked).toEqual([null, '500', '1000']);
  });

  it('stops after the last page without asking again', async () => {
    const list = pagedList(10, 500);
    expect(await allPages(list.load, 20)).toHaveLength(10);
    expect(list.asked).toEqual([null]);
  });

  it('stops at the page limit on a list that never ends', async () => {
    const list = pagedList(Number.MAX_SAFE_INTEGER, 500);
    expect(await allPages(list.load, 3)).toHaveLength(1_500);
    expect(list.asked).toHaveLength(3);
  });
});

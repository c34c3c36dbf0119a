import { useCallback, useEffect, useState } from 'react';
import type { Page } from '../../src/paging.js';

interface PagesState<T> {
  items: T[];
  nextCursor: string | null;
  status: 'loading' | 'ready' | 'failed';
  error: unknown;
}

/**
 * A cursor-paged list: the first page on mount and whenever `key` changes, more on `loadMore`.
 * `refresh` reloads the first page but keeps the rows on screen until the new ones arrive, so a
 * live list does not flash empty.
 */
export function usePages<T extends object>(load: (cursor: string | null, signal?: AbortSignal) => Promise<Page<T>>, key: string) {
  const [state, setState] = useState<PagesState<T>>({ items: [], nextCursor: null, status: 'loading', error: null });
  const [generation, setGeneration] = useState(0);

  const fetchPage = useCallback(
    async (cursor: string | null, signal?: AbortSignal) => {
      setState((previous) => ({ ...previous, status: 'loading', error: null }));
      try {
        const page = await load(cursor, signal);
        if (signal?.aborted) return;
        setState((previous) => ({
          items: cursor ? [...previous.items, ...page.items] : page.items,
          nextCursor: page.nextCursor,
          status: 'ready',
          error: null,
        }));
      } catch (error) {
        if (!signal?.aborted) setState((previous) => ({ ...previous, status: 'failed', error }));
      }
    },
    // `load` is a fresh closure each render; what it depends on is in `key`.
    [key],
  );

  useEffect(() => {
    const controller = new AbortController();
    void fetchPage(null, controller.signal);
    return () => controller.abort();
  }, [fetchPage, generation]);

  return {
    ...state,
    loadMore: () => void fetchPage(state.nextCursor),
    refresh: () => setGeneration((n) => n + 1),
    /** Puts a changed row in place without reloading the list. */
    replace: (matches: (item: T) => boolean, next: T) =>
      setState((previous) => ({ ...previous, items: previous.items.map((item) => (matches(item) ? next : item)) })),
  };
}

import { useCallback, useEffect, useState } from 'react';
import { listUsers, type StaffUser } from './admin-api.js';

interface UserPagesState {
  users: StaffUser[];
  nextCursor: string | null;
  status: 'loading' | 'ready' | 'failed';
  error: unknown;
}

/** Staff accounts, a page at a time: the first on mount, more on `loadMore`. */
export function useUserPages() {
  const [state, setState] = useState<UserPagesState>({ users: [], nextCursor: null, status: 'loading', error: null });
  const [generation, setGeneration] = useState(0);

  const load = useCallback(async (cursor: string | null, signal?: AbortSignal) => {
    setState((previous) => ({ ...previous, status: 'loading', error: null }));
    try {
      const page = await listUsers(cursor, signal);
      if (signal?.aborted) return;
      setState((previous) => ({
        users: cursor ? [...previous.users, ...page.items] : page.items,
        nextCursor: page.nextCursor,
        status: 'ready',
        error: null,
      }));
    } catch (error) {
      if (!signal?.aborted) setState((previous) => ({ ...previous, status: 'failed', error }));
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void load(null, controller.signal);
    return () => controller.abort();
  }, [load, generation]);

  return {
    ...state,
    loadMore: () => void load(state.nextCursor),
    reload: () => setGeneration((n) => n + 1),
    /** Puts a changed account in place without reloading the list. */
    replace: (user: StaffUser) =>
      setState((previous) => ({
        ...previous,
        users: previous.users.map((candidate) => (candidate.id === user.id ? user : candidate)),
      })),
  };
}

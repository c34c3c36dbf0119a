import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export type Refreshed<T> =
  | { status: 'loading'; data: null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'failed'; data: null; error: unknown };

/**
 * Like useResource, but a refresh keeps what is on screen until the new answer arrives: the
 * console refreshes on every live event, and a page that blanked each time would lose the
 * operator's place, focus and the outcome of what they just did.
 */
export function useRefreshed<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList) {
  const [state, setState] = useState<Refreshed<T>>({ status: 'loading', data: null, error: null });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // New inputs (another incident, another language) start from a clean slate.
  useEffect(() => setState({ status: 'loading', data: null, error: null }), deps);

  useEffect(() => {
    const controller = new AbortController();
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data, error: null });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', data: null, error });
      },
    );
    return () => controller.abort();
    // `deps` names what `load` reads; `load` itself is a new closure every render.
  }, [...deps, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}

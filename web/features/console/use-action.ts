import { useCallback, useState } from 'react';
import { useNotice } from '../../src/ui/use-notice.js';

/** One button's request: pending while it runs, the server's translated refusal, or a confirmation. */
export function useAction() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useNotice();
  const [done, setDone] = useState<string | null>(null);
  const run = useCallback(async (work: () => Promise<unknown>, confirmation: string): Promise<boolean> => {
    setPending(true);
    setError(null);
    setDone(null);
    try {
      await work();
      setDone(confirmation);
      return true;
    } catch (failure) {
      setError({ error: failure });
      return false;
    } finally {
      setPending(false);
    }
  }, []);
  return { run, pending, error, done };
}

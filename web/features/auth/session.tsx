import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, onUnauthorized } from '../../src/api.js';
import { applyLanguage, rememberedLanguage, type Language } from '../../src/i18n.js';
import { navigate } from '../../src/router.js';
import { fetchMe, saveLanguage, signIn, signOut, type Credentials, type Me } from './auth-api.js';

export type SessionState =
  | { status: 'checking' }
  | { status: 'unavailable'; error: unknown }
  | { status: 'signed-out'; notice: string | null }
  | { status: 'signed-in'; me: Me };

export interface Session {
  state: SessionState;
  /** Rejects with an ApiError (wrong credentials, locked account ...) for the form to show. */
  signIn: (credentials: Credentials) => Promise<void>;
  signOut: () => Promise<void>;
  /** Switches the language; when signed in also saves it to the account (rejects if that fails). */
  changeLanguage: (language: Language) => Promise<void>;
  /** Checks the session again after the server was unreachable. */
  retry: () => void;
}

const SessionContext = createContext<Session | null>(null);

/**
 * Reconciles the interface language with the account's. The language this browser remembers
 * (chosen on the sign-in page, say) wins and is saved to the account; a browser that remembers
 * none takes the account's language.
 */
async function settleLanguage(me: Me): Promise<Me> {
  const remembered = rememberedLanguage();
  if (!remembered) {
    await applyLanguage(me.language);
    return me;
  }
  if (remembered === me.language) return me;
  try {
    await saveLanguage(remembered);
    return { ...me, language: remembered };
  } catch {
    return me; // the interface keeps the remembered language; the account keeps its own
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'checking' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchMe(controller.signal)
      .then(async (me) => {
        const settled = me ? await settleLanguage(me) : null;
        if (controller.signal.aborted) return;
        setState(settled ? { status: 'signed-in', me: settled } : { status: 'signed-out', notice: null });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'unavailable', error });
      });
    return () => controller.abort();
  }, [attempt]);

  // Any call that meets a 401 means the session ended (expired, or revoked by an administrator).
  useEffect(
    () =>
      onUnauthorized((error: ApiError) => {
        setState((previous) => (previous.status === 'signed-in' ? { status: 'signed-out', notice: error.title } : previous));
      }),
    [],
  );

  const handleSignIn = useCallback(async (credentials: Credentials) => {
    const me = await signIn(credentials);
    setState({ status: 'signed-in', me: await settleLanguage(me) });
  }, []);

  const handleSignOut = useCallback(async () => {
    try {
      await signOut();
    } catch (error) {
      // A 401 means the session was already gone, which is what signing out wants.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    setState({ status: 'signed-out', notice: null });
    // The next person to sign in on this browser starts at their own first section, not at the
    // page the last one left (which their roles may not open). An expired session keeps the path.
    navigate('/', { replace: true });
  }, []);

  const changeLanguage = useCallback(
    async (language: Language) => {
      await applyLanguage(language);
      if (state.status !== 'signed-in' || state.me.language === language) return;
      await saveLanguage(language);
      setState((previous) =>
        previous.status === 'signed-in' ? { status: 'signed-in', me: { ...previous.me, language } } : previous,
      );
    },
    [state],
  );

  const retry = useCallback(() => {
    setState({ status: 'checking' });
    setAttempt((n) => n + 1);
  }, []);

  const session = useMemo<Session>(
    () => ({ state, signIn: handleSignIn, signOut: handleSignOut, changeLanguage, retry }),
    [state, handleSignIn, handleSignOut, changeLanguage, retry],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The session: who is signed in and the actions that change it. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

/** The signed-in user; only for components rendered inside the signed-in shell. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe needs a signed-in session');
  return state.me;
}

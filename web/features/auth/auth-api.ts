import type { Static } from '@sinclair/typebox';
import type { LoginRequest, MeView } from '../../../common/schemas/identity.js';
import type { Language } from '../../../common/roles.js';
import { api, ApiError } from '../../src/api.js';

/** The signed-in person as `GET /api/v1/auth/me` describes them: the server's own response schema. */
export type Me = Static<typeof MeView>;

/** What sign-in sends: username, password and the 6-digit code from an authenticator app. */
export type Credentials = Static<typeof LoginRequest>;

/** The current session's user, or null when nobody is signed in. */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/v1/auth/me', { signal, expectUnauthorized: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Signs in; the server sets an HttpOnly session cookie and answers with the user. */
export function signIn(credentials: Credentials): Promise<Me> {
  return api.post<Me>('/api/v1/auth/login', credentials, { expectUnauthorized: true });
}

export function signOut(): Promise<void> {
  return api.post<void>('/api/v1/auth/logout', undefined, { expectUnauthorized: true });
}

/** Saves the interface language to the account, so it follows the person to other devices. */
export function saveLanguage(language: Language): Promise<void> {
  return api.put<void>('/api/v1/auth/me/language', { language });
}

import type { Authenticator } from '../../http/access.js';
import type { App } from '../../http/app.js';
import { authenticateApiKey } from './api-keys.js';
import { authenticateSession, type AuthDeps } from './auth.js';
import { registerIdentityRoutes } from './routes.js';
import { createUser, type NewUser, type UserDeps } from './users.js';

export type IdentityDeps = AuthDeps & UserDeps;

/** The identity module's public face: the authenticator the HTTP layer uses, its routes and user creation. */
export function createIdentity(deps: IdentityDeps) {
  const authenticator: Authenticator = {
    session: (token) => authenticateSession(deps, token),
    apiKey: (raw) => authenticateApiKey(deps.db, raw, deps.clock()),
  };
  return {
    authenticator,
    register: (app: App) => registerIdentityRoutes(app, deps),
    /** For the CLI and seeds: creates a user with no admin behind it. */
    createUser: (input: NewUser) => createUser(deps, null, input),
  };
}

export { createApiKey, moveApiKey, revokeApiKey, API_KEY_KINDS } from './api-keys.js';
export {
  seedDemoIdentity,
  demoActor,
  demoUsers,
  demoTotpSecret,
  DEMO_PASSWORD,
  DEMO_OPEN311_KEY,
  type DemoActor,
  type DemoUser,
} from './seed.js';
export { totpCode } from './totp.js';
export { officersCovering, staffNames, type OfficerName } from './officers.js';
export { IDLE_TIMEOUT_MS, ABSOLUTE_TIMEOUT_MS, LOCKOUT_FAILURES, pruneLoginAttempts } from './auth.js';
export type { UsersTable } from './tables.js';

import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { JURISDICTION_LEVELS, type JurisdictionLevel, type Role } from '../../common/roles.js';
import type { Actor, ApiKeyKind } from './actor.js';
import { AppError } from './errors.js';

/**
 * What a route needs from its caller. Every route declares one in `config.access`; the server
 * refuses to start with a route that does not.
 *
 * `scope` is the narrowest jurisdiction that may call the route: a user whose jurisdiction is
 * narrower is refused. Records the route returns are further limited to the caller's own
 * jurisdiction by the service. `self` marks routes on the caller's own account.
 */
export type Access =
  | { kind: 'public'; rateLimit: PublicRateLimit }
  | { kind: 'staff'; roles: readonly Role[]; scope: JurisdictionLevel | 'self' }
  | { kind: 'apiKey'; keyKinds: readonly ApiKeyKind[] };

/** Which per-address limit a public route counts against; `tracking` is the strict one that keeps codes from being guessed. */
export type PublicRateLimit = 'public' | 'login' | 'tracking' | 'none';

export const publicAccess = (rateLimit: PublicRateLimit = 'public'): Access => ({
  kind: 'public',
  rateLimit,
});
export const staffAccess = (roles: readonly Role[], scope: JurisdictionLevel | 'self'): Access => ({
  kind: 'staff',
  roles,
  scope,
});
export const apiKeyAccess = (...keyKinds: ApiKeyKind[]): Access => ({ kind: 'apiKey', keyKinds });

export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
}

/** The authenticator the identity module provides. */
export interface Authenticator {
  /** The session behind a cookie, or 'expired' when it timed out, or null. */
  session(token: string): Promise<Actor | 'expired' | null>;
  apiKey(rawKey: string): Promise<Actor | null>;
}

/** Called on every refusal so it lands in the audit log. */
export type RefusalRecorder = (req: FastifyRequest, actor: Actor, reason: string) => Promise<void>;

export const SESSION_COOKIE = '__Host-aman_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor;
  }
}

function accessOf(route: RouteOptions): Access | undefined {
  return (route.config as { access?: Access } | undefined)?.access;
}

// @fastify/swagger-ui registers its own static routes; they serve only the docs page.
const UNDECLARED_ALLOWED = /^\/api\/docs(\/|$)/;

/** Collects the route table and refuses a route that does not declare its access. */
export function enforceDeclarations(app: FastifyInstance, table: RouteEntry[]): void {
  app.addHook('onRoute', (route) => {
    const access = accessOf(route);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!access) {
      if (UNDECLARED_ALLOWED.test(route.url) || methods.every((m) => m === 'HEAD')) return;
      throw new Error(`route ${methods.join(',')} ${route.url} does not declare its access (config.access)`);
    }
    if (access.kind === 'staff' && access.roles.length === 0) {
      throw new Error(`route ${route.url} declares staff access with no roles`);
    }
    for (const method of methods) {
      if (method !== 'HEAD') table.push({ method, url: route.url, access });
    }
  });
}

function widerOrEqual(actual: JurisdictionLevel, needed: JurisdictionLevel): boolean {
  return JURISDICTION_LEVELS.indexOf(actual) <= JURISDICTION_LEVELS.indexOf(needed);
}

function apiKeyFrom(req: FastifyRequest): string | null {
  const header = req.headers['x-api-key'];
  if (typeof header === 'string' && header) return header;
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  return null;
}

/** Cookie-authenticated writes must come from our own origin (SameSite is the first line). */
function isCrossSite(req: FastifyRequest): boolean {
  if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return false;
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

/** Authenticates every request and applies the route's declared access. */
export function installAccessControl(
  app: FastifyInstance,
  deps: { authenticator: Authenticator; recordRefusal: RefusalRecorder },
): void {
  app.decorateRequest('actor', null as never);
  app.addHook('onRequest', async (req) => {
    req.actor = { kind: 'anonymous' };
    const access = req.routeOptions.config.access;
    if (!access || access.kind === 'public') {
      // Public routes still learn who is signed in, for language and audit, but never require it.
      const token = req.cookies[SESSION_COOKIE];
      if (token) {
        const actor = await deps.authenticator.session(token);
        if (actor && actor !== 'expired') req.actor = actor;
      }
      return;
    }
    if (access.kind === 'apiKey') {
      const raw = apiKeyFrom(req);
      const actor = raw ? await deps.authenticator.apiKey(raw) : null;
      if (!actor || actor.kind !== 'apiKey') throw new AppError('auth.api_key_invalid');
      req.actor = actor;
      if (!access.keyKinds.includes(actor.keyKind)) {
        await deps.recordRefusal(req, actor, 'api key kind');
        throw new AppError('auth.forbidden');
      }
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    const actor = token ? await deps.authenticator.session(token) : null;
    if (actor === 'expired') throw new AppError('auth.session_expired');
    if (!actor || actor.kind !== 'user') throw new AppError('auth.required');
    req.actor = actor;
    if (isCrossSite(req)) {
      await deps.recordRefusal(req, actor, 'cross-site request');
      throw new AppError('auth.csrf');
    }
    if (!actor.roles.some((role) => access.roles.includes(role))) {
      await deps.recordRefusal(req, actor, 'role');
      throw new AppError('auth.forbidden');
    }
    if (access.scope !== 'self' && !widerOrEqual(actor.jurisdiction.level, access.scope)) {
      await deps.recordRefusal(req, actor, 'jurisdiction level');
      throw new AppError('jurisdiction.outside');
    }
  });
}

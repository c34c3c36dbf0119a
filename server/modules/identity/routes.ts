import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STAFF_ROLES, type Jurisdiction } from '../../../common/roles.js';
import { sectionsForRoles } from '../../../common/sections.js';
import { SESSION_COOKIE, apiKeyAccess, publicAccess, staffAccess } from '../../http/access.js';
import type { Actor } from '../../http/actor.js';
import type { App } from '../../http/app.js';
import { AppError } from '../../http/errors.js';
import { Cursor, Limit, Page } from '../../http/paging.js';
import { recordAudit } from '../audit/index.js';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.js';
import { ABSOLUTE_TIMEOUT_MS, endSessions, login, logout, type AuthDeps } from './auth.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.js';
import {
  ApiKeyView,
  CreateApiKeyRequest,
  CreateUserRequest,
  CreatedUser,
  IdParams,
  LanguageRequest,
  LoginRequest,
  MeView,
  PasswordChangeRequest,
  UpdateUserRequest,
  UserView,
  type JurisdictionInput,
} from '../../../common/schemas/identity.js';
import { createUser, getUser, listUsers, setLanguage, unlockUser, updateUser, type UserDeps } from './users.js';

type UserActor = Extract<Actor, { kind: 'user' }>;

function signedIn(req: FastifyRequest): UserActor {
  if (req.actor.kind !== 'user') throw new AppError('auth.required');
  return req.actor;
}

async function me(deps: UserDeps, actor: UserActor) {
  const user = await deps.db.selectFrom('users').select('display_name').where('id', '=', actor.userId).executeTakeFirstOrThrow();
  return {
    id: actor.userId,
    username: actor.username,
    displayName: user.display_name,
    roles: actor.roles,
    jurisdiction: actor.jurisdiction,
    language: actor.language,
    sections: sectionsForRoles(actor.roles),
  };
}

function jurisdiction(input: JurisdictionInput): Jurisdiction {
  return {
    level: input.level,
    regionId: input.regionId ?? null,
    districtId: input.districtId ?? null,
    beatId: input.beatId ?? null,
  };
}

function setSessionCookie(reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    maxAge: ABSOLUTE_TIMEOUT_MS / 1000,
  });
}

const ANY_STAFF = STAFF_ROLES;

export function registerIdentityRoutes(app: App, deps: AuthDeps & UserDeps): void {
  app.post(
    '/api/v1/auth/login',
    {
      config: { access: publicAccess('login') },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with password and authenticator code',
        body: LoginRequest,
        response: { 200: MeView },
      },
    },
    async (req, reply) => {
      const { token, actor } = await login(deps, {
        ...req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      setSessionCookie(reply, token);
      return me(deps, actor as UserActor);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { access: staffAccess(ANY_STAFF, 'self') }, schema: { tags: ['auth'], response: { 204: Type.Null() } } },
    async (req, reply) => {
      await logout(deps, req.actor, req.ip);
      reply.clearCookie(SESSION_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'strict' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/me',
    { config: { access: staffAccess(ANY_STAFF, 'self') }, schema: { tags: ['auth'], response: { 200: MeView } } },
    async (req) => me(deps, signedIn(req)),
  );

  app.put(
    '/api/v1/auth/me/language',
    {
      config: { access: staffAccess(ANY_STAFF, 'self') },
      schema: { tags: ['auth'], body: LanguageRequest, response: { 204: Type.Null() } },
    },
    async (req, reply) => {
      await setLanguage(deps.db, signedIn(req), req.body.language);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      config: { access: staffAccess(ANY_STAFF, 'self') },
      schema: {
        tags: ['auth'],
        summary: 'Change one’s own password; other sessions end',
        body: PasswordChangeRequest,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      const actor = signedIn(req);
      const user = await deps.db
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', actor.userId)
        .executeTakeFirstOrThrow();
      if (!(await verifyPassword(user.password_hash, req.body.currentPassword))) throw new AppError('auth.invalid_credentials');
      checkPasswordPolicy(req.body.newPassword, actor.username);
      const hash = await hashPassword(req.body.newPassword);
      await deps.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ password_hash: hash, password_changed_at: deps.clock() })
          .where('id', '=', actor.userId)
          .execute();
        await endSessions(trx, actor.userId, actor.sessionId);
        await recordAudit(trx, {
          action: 'user.password_change',
          outcome: 'success',
          actor: { kind: 'user', id: actor.userId },
          target: { type: 'user', id: actor.userId },
          ip: req.ip,
        });
      });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/key',
    {
      config: { access: apiKeyAccess('open311', 'device', 'partner') },
      schema: {
        tags: ['auth'],
        summary: 'Which key is this? Lets a device or partner system check its key works',
        response: { 200: Type.Object({ id: Type.String(), kind: Type.String(), name: Type.String() }) },
      },
    },
    async (req) => {
      if (req.actor.kind !== 'apiKey') throw new AppError('auth.api_key_invalid');
      return { id: req.actor.keyId, kind: req.actor.keyKind, name: req.actor.name };
    },
  );

  registerAdminRoutes(app, deps);
}

function registerAdminRoutes(app: App, deps: AuthDeps & UserDeps): void {
  const admin = staffAccess(['admin'], 'district');
  app.get(
    '/api/v1/admin/users',
    {
      config: { access: admin },
      schema: {
        tags: ['admin'],
        querystring: Type.Object({ cursor: Cursor, limit: Limit }, { additionalProperties: false }),
        response: { 200: Page(UserView) },
      },
    },
    async (req) => listUsers(deps, signedIn(req), req.query),
  );
  app.post(
    '/api/v1/admin/users',
    { config: { access: admin }, schema: { tags: ['admin'], body: CreateUserRequest, response: { 201: CreatedUser } } },
    async (req, reply) => {
      const created = await createUser(deps, signedIn(req), { ...req.body, jurisdiction: jurisdiction(req.body.jurisdiction) });
      return reply.code(201).send(created);
    },
  );
  app.get(
    '/api/v1/admin/users/:id',
    { config: { access: admin }, schema: { tags: ['admin'], params: IdParams, response: { 200: UserView } } },
    async (req) => getUser(deps, signedIn(req), req.params.id),
  );
  app.patch(
    '/api/v1/admin/users/:id',
    {
      config: { access: admin },
      schema: { tags: ['admin'], params: IdParams, body: UpdateUserRequest, response: { 200: UserView } },
    },
    async (req) => {
      const { jurisdiction: j, ...rest } = req.body;
      return updateUser(deps, signedIn(req), req.params.id, { ...rest, ...(j && { jurisdiction: jurisdiction(j) }) });
    },
  );
  app.post(
    '/api/v1/admin/users/:id/unlock',
    { config: { access: admin }, schema: { tags: ['admin'], params: IdParams, response: { 204: Type.Null() } } },
    async (req, reply) => {
      await unlockUser(deps, signedIn(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  const keyAdmin = staffAccess(['admin'], 'country');
  app.get(
    '/api/v1/admin/api-keys',
    { config: { access: keyAdmin }, schema: { tags: ['admin'], response: { 200: Type.Array(ApiKeyView) } } },
    async () => listApiKeys(deps.db),
  );
  app.post(
    '/api/v1/admin/api-keys',
    {
      config: { access: keyAdmin },
      schema: {
        tags: ['admin'],
        summary: 'Issue a key for a device or partner system; the key is shown only in this answer',
        body: CreateApiKeyRequest,
        response: { 201: Type.Object({ id: Type.String(), key: Type.String() }) },
      },
    },
    async (req, reply) => reply.code(201).send(await createApiKey(deps.db, { ...req.body, createdBy: signedIn(req).userId })),
  );
  app.delete(
    '/api/v1/admin/api-keys/:id',
    { config: { access: keyAdmin }, schema: { tags: ['admin'], params: IdParams, response: { 204: Type.Null() } } },
    async (req, reply) => {
      await revokeApiKey(deps.db, signedIn(req).userId, req.params.id, deps.clock());
      return reply.code(204).send(null);
    },
  );
}

import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import helmet from 'helmet';
import { isLanguage, type Language } from '../../common/roles.js';
import type { Config } from '../config.js';
import {
  enforceDeclarations,
  installAccessControl,
  publicAccess,
  type Authenticator,
  type RefusalRecorder,
  type RouteEntry,
} from './access.js';
import { AppError, ERRORS, errorTitle, type ErrorCode } from './errors.js';
import { requestLanguage } from './language.js';
import { installMetrics } from './metrics.js';
import { compileValidator } from './validation.js';

export type App = FastifyInstance<
  import('node:http').Server,
  import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  import('fastify').FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface AppDeps {
  config: Config;
  authenticator: Authenticator;
  recordRefusal: RefusalRecorder;
  /** Answers whether the database responds; health reports it. */
  databaseReady: () => Promise<boolean>;
  logger?: boolean | object;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** `?lang=`, taken off the query before validation so no route schema needs to allow it. */
    langParam: Language | null;
  }
}

function problem(req: FastifyRequest, code: ErrorCode, status: number, extra: Record<string, unknown>) {
  return {
    type: `https://aman.kz/problems/${code}`,
    title: errorTitle(code, requestLanguage(req)),
    status,
    code,
    instance: req.url.split('?')[0],
    ...extra,
  };
}

function toAppError(error: FastifyError | AppError | Error): {
  code: ErrorCode;
  extra: Record<string, unknown>;
  headers: Record<string, string>;
} {
  if (error instanceof AppError) return { code: error.code, extra: error.details, headers: error.headers };
  const fe = error as FastifyError;
  if (fe.validation) {
    if (fe.validation.some((v) => v.keyword === 'format' && (v.params as { format?: string }).format === 'iin')) {
      return { code: 'iin.invalid', extra: {}, headers: {} };
    }
    return {
      code: 'request.invalid',
      extra: { errors: fe.validation.map((v) => ({ path: v.instancePath || '/', message: v.message })) },
      headers: {},
    };
  }
  switch (fe.statusCode) {
    case 413:
      return { code: 'request.too_large', extra: {}, headers: {} };
    case 415:
      return { code: 'request.unsupported_media_type', extra: {}, headers: {} };
    case 429:
      return { code: 'request.rate_limited', extra: {}, headers: {} };
    case 400:
      return { code: 'request.invalid', extra: { detail: fe.message }, headers: {} };
    default:
      return { code: 'server.internal', extra: {}, headers: {} };
  }
}

/**
 * The web UI loads nothing from elsewhere but map tiles, when MAP_TILE_URL names a server. Map
 * tiles decode in workers and draw from blobs, and MapLibre and the API docs page set inline styles.
 */
function contentSecurityPolicy(config: Config) {
  const tiles = config.mapTileUrl ? [new URL(config.mapTileUrl.replace(/\{[a-z]\}/g, '0')).origin] : [];
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:', ...tiles],
    connectSrc: ["'self'", ...tiles],
    workerSrc: ["'self'", 'blob:'],
    childSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
  };
}

/** Fastify with Aman's error format, access control, rate limits, OpenAPI and metrics. */
export async function buildApp(deps: AppDeps): Promise<{ app: App; routes: RouteEntry[] }> {
  const { config } = deps;
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    trustProxy: config.trustProxy ?? false,
    bodyLimit: 256 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(compileValidator);
  const routes: RouteEntry[] = [];
  enforceDeclarations(app, routes);

  app.decorateRequest('langParam', null);
  app.addHook('onRequest', async (req) => {
    const query = req.query as Record<string, unknown>;
    if (query && 'lang' in query) {
      req.langParam = isLanguage(query.lang) ? query.lang : null;
      delete query.lang;
    }
  });

  // Must run before the rate-limit plugin's own onRoute hook reads `config.rateLimit`.
  const limits = config.rateLimit;
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (access?.kind !== 'public' || access.rateLimit === 'none') return;
    const max =
      access.rateLimit === 'login'
        ? limits.loginPerMinute
        : access.rateLimit === 'tracking'
          ? limits.trackingPerMinute
          : limits.publicPerMinute;
    // A route may add its own options (an allowList, the hook to run in); the limit itself stays ours.
    const own = (route.config as { rateLimit?: object } | undefined)?.rateLimit ?? {};
    route.config = { ...route.config, rateLimit: { ...own, max, timeWindow: 60_000 } } as typeof route.config;
  });

  await app.register(cookie);
  // useDefaults off: helmet's defaults add upgrade-insecure-requests, which breaks plain-HTTP access on a LAN.
  // Built once: @fastify/helmet built the middleware again on every request, parsing the policy
  // each time, about 5% of the server's work per citizen report.
  const securityHeaders = helmet({ contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(config) } });
  app.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, () => done()));
  // Parts are read only by routes that ask (req.parts()); each file streams to disk, never whole into memory.
  await app.register(multipart, {
    limits: {
      fileSize: config.media.maxBytes,
      files: config.media.maxFiles,
      fields: 1,
      fieldSize: 64 * 1024,
    },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => {
      const error = new AppError('request.rate_limited', {}, { 'retry-after': String(Math.ceil(context.ttl / 1000)) });
      return error;
    },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Aman API',
        version: '1',
        description:
          'Public-safety system in partnership with society. Errors are application/problem+json; ' +
          'every route accepts ?lang=kk|ru|en.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: '__Host-aman_session' },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.setErrorHandler(async (error: FastifyError, req, reply) => {
    const { code, extra, headers } = toAppError(error);
    const status = ERRORS[code].status;
    if (status >= 500) req.log.error({ err: error }, 'request failed');
    reply.headers(headers);
    return reply
      .code(status)
      .type('application/problem+json')
      .send(problem(req, code, status, extra));
  });

  installAccessControl(app, { authenticator: deps.authenticator, recordRefusal: deps.recordRefusal });
  installMetrics(app);

  app.get(
    '/api/v1/health',
    {
      config: { access: publicAccess('none') },
      schema: {
        tags: ['platform'],
        response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.Literal('ok') }) },
      },
    },
    async () => {
      if (!(await deps.databaseReady())) throw new AppError('server.unavailable');
      return { status: 'ok' as const, database: 'ok' as const };
    },
  );
  app.setNotFoundHandler(async (req, reply) => notFound(req, reply));
  app.get('/api/v1/openapi.json', { config: { access: publicAccess() }, schema: { hide: true } }, async () => app.swagger());

  return { app, routes };
}

function notFound(req: FastifyRequest, reply: FastifyReply) {
  return reply
    .code(404)
    .type('application/problem+json')
    .send(problem(req, 'resource.not_found', 404, {}));
}

/** Serves the built web UI with a fallback to index.html for client-side routes; API paths 404 as problem+json. */
export async function serveWeb(app: App, webDir: string): Promise<void> {
  const hasWeb = fs.existsSync(path.join(webDir, 'index.html'));
  const isApi = (url: string) => /^\/(api|open311|metrics)(\/|$)/.test(url);
  if (hasWeb) {
    // serve: false — our own declared route serves the files, so it passes the access check like any other.
    await app.register(fastifyStatic, { root: webDir, serve: false });
    app.get('/*', { config: { access: publicAccess('none') }, schema: { hide: true } }, async (req, reply) => {
      if (isApi(req.url)) return notFound(req, reply);
      const file = (req.params as { '*': string })['*'];
      const exists = file !== '' && fs.existsSync(path.join(webDir, path.normalize(file).replace(/^(\.\.[/\\])+/, '')));
      return exists ? reply.sendFile(file) : reply.type('text/html').sendFile('index.html');
    });
  }
}

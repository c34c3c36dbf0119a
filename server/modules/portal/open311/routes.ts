import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { publicAccess } from '../../../http/access.js';
import type { Actor } from '../../../http/actor.js';
import type { App } from '../../../http/app.js';
import { AppError, errorTitle } from '../../../http/errors.js';
import { requestLanguage } from '../../../http/language.js';
import { recordAudit } from '../../audit/index.js';
import { IdempotencyHeaders, isAnsweredReport, replayAwareLimit } from '../../incidents/index.js';
import { Open311Error } from './errors.js';
import { apiKeyOf, parseRequestForm } from './form.js';
import { definitionAsXmlTree, presentDefinition, presentService } from './present.js';
import {
  fileOpen311Request,
  findRequest,
  open311KeyScope,
  searchRequests,
  type Open311Deps,
  type Open311Key,
} from './requests.js';
import {
  CreatedView,
  ErrorView,
  FileParams,
  JurisdictionQuery,
  Open311RequestForm,
  RequestsQuery,
  ServiceDefinitionView,
  ServiceRequestView,
  ServiceView,
  TokenView,
} from './schema.js';
import { findService, isOfferable, OPEN311_SERVICES } from './services.js';
import { xmlList, xmlObject } from './xml.js';

export const OPEN311_PREFIX = '/open311/v2';
const FORMATS = ['json', 'xml'] as const;
type Format = (typeof FORMATS)[number];
const tags = ['open311'];
const access = publicAccess();

declare module 'fastify' {
  interface FastifyRequest {
    open311Key: Open311Key | null;
  }
}

export interface Open311RouteDeps extends Open311Deps {
  /** The identity module's key check (its authenticator), so keys are issued and revoked in one place. */
  authenticateKey: (raw: string) => Promise<Actor | null>;
  /** New requests each key may file a minute; an exact retry of an answered one is not counted. */
  requestsPerMinute: number;
}

/** What a retry is compared by: the form without the API key, which may come as X-Api-Key instead. */
const retryForm = (body: unknown) => ({ ...(body as object), api_key: undefined });

const offered = (code: string) => {
  const service = findService(code);
  return service && isOfferable(service) ? service : undefined;
};

const formatOf = (req: FastifyRequest): Format => (/\.xml$/.test(req.url.split('?')[0] ?? '') ? 'xml' : 'json');

/** `noise.json` → the name and the format; anything else is a path the spec does not have. */
function splitFile(file: string): { name: string; format: Format } {
  const match = /^([A-Za-z0-9_-]{1,100})\.(json|xml)$/.exec(file);
  if (!match) throw new Open311Error('not_found');
  return { name: match[1]!, format: match[2] as Format };
}

function sendList(reply: FastifyReply, format: Format, item: string, entries: readonly object[], status = 200) {
  if (format === 'json') return reply.code(status).send(entries);
  return reply
    .code(status)
    .type('application/xml; charset=utf-8')
    .send(xmlList('service_requests', item, entries));
}

// GeoReport v2 errors: `[{"code", "description"}]` or `<errors><error>…`, with the HTTP status as code.
function open311Failure(error: FastifyError | Error, req: FastifyRequest): { status: number; description: string } {
  const language = requestLanguage(req);
  if (error instanceof Open311Error) return { status: error.status, description: error.describe(language) };
  if (error instanceof AppError) {
    if (error.code === 'request.rate_limited')
      return { status: 429, description: new Open311Error('rate_limited').describe(language) };
    // The spec knows 400 for a bad argument where Aman's own API says 422.
    // A report's 422s are bad arguments to Open311; a key reused for another form stays 422, as the key's draft says.
    const status = error.status === 422 && error.code !== 'idempotency.mismatch' ? 400 : error.status;
    return { status, description: errorTitle(error.code, language) };
  }
  const fe = error as FastifyError;
  if (fe.validation) {
    const name = (fe.validation[0]?.instancePath ?? '').replace(/^\//, '') || fe.validationContext || 'request';
    return { status: 400, description: new Open311Error('argument_invalid', name).describe(language) };
  }
  if (fe.statusCode === 415) return { status: 415, description: new Open311Error('form_expected').describe(language) };
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return { status: fe.statusCode, description: fe.message };
  req.log.error({ err: error }, 'open311 request failed');
  return { status: 500, description: new Open311Error('internal').describe(language) };
}

function formBody(body: string): Record<string, string | string[]> {
  const form: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const earlier = form[name];
    form[name] = earlier === undefined ? value : Array.isArray(earlier) ? [...earlier, value] : [earlier, value];
  }
  return form;
}

/**
 * Open311 GeoReport v2 at /open311/v2/, as the specification has it: services, service
 * definitions, filing a request with an open311 API key, reading requests and tokens, in JSON and
 * XML. A filed request is an incident on the 'open311' channel in the operators' queue.
 */
export function registerOpen311(app: App, deps: Open311RouteDeps): void {
  void app.register(
    async (plain) => {
      const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
      scope.decorateRequest('open311Key', null);
      scope.addContentTypeParser(
        'application/x-www-form-urlencoded',
        { parseAs: 'string', bodyLimit: 64 * 1024 },
        (_req, body, done) => done(null, formBody(body as string)),
      );
      scope.setErrorHandler(async (error: FastifyError, req, reply) => {
        const { status, description } = open311Failure(error, req);
        if (error instanceof AppError) reply.headers(error.headers);
        const entries = [{ code: status, description }];
        if (formatOf(req) === 'json') return reply.code(status).type('application/json; charset=utf-8').send(entries);
        return reply
          .code(status)
          .type('application/xml; charset=utf-8')
          .send(xmlList('errors', 'error', entries));
      });

      // The key comes in the form (the spec) or as X-Api-Key (Aman's convention); checked before
      // the body is validated, so a caller without a key hears 403 whatever else is wrong.
      const checkKey = async (req: FastifyRequest) => {
        // Files are not taken (media_url is the spec's way), so a multipart form is refused, not misread as keyless.
        if (req.isMultipart()) throw new Open311Error('form_expected');
        const header = req.headers['x-api-key'];
        const raw = typeof header === 'string' && header ? header : apiKeyOf(req.body);
        const actor = await deps.authenticateKey(raw);
        if (!actor || actor.kind !== 'apiKey') throw new Open311Error('api_key_invalid');
        if (actor.keyKind !== 'open311') {
          await recordAudit(deps.db, {
            action: 'access.refused',
            outcome: 'refused',
            actor: { kind: 'apiKey', id: actor.keyId },
            target: { type: 'route', id: `${req.method} ${req.routeOptions.url ?? req.url}` },
            ip: req.ip,
            details: { reason: 'api key kind' },
          });
          throw new Open311Error('api_key_invalid');
        }
        req.open311Key = { id: actor.keyId, jurisdiction: actor.jurisdiction };
      };

      // Counted per key (after the key is known), so one busy client cannot starve another; a
      // retry of a request already answered costs the client nothing, as on the report route.
      const replayed = new WeakSet<FastifyRequest>();
      const limit = replayAwareLimit(scope, deps.requestsPerMinute, {
        keyGenerator: (req) => open311KeyScope(req.open311Key!),
        replayed: (req) => replayed.has(req),
        isReplay: async (req) => {
          const key = req.headers['idempotency-key'];
          return typeof key === 'string' && isAnsweredReport(deps.db, open311KeyScope(req.open311Key!), key, retryForm(req.body));
        },
      });

      for (const format of FORMATS) {
        scope.get(
          `/services.${format}`,
          {
            config: { access },
            schema: {
              tags,
              summary: `GeoReport v2 service list (${format})`,
              querystring: JurisdictionQuery,
              ...(format === 'json' ? { response: { 200: Type.Array(ServiceView) } } : {}),
            },
          },
          async (req, reply) => {
            const views = OPEN311_SERVICES.filter(isOfferable).map((s) => presentService(s, requestLanguage(req)));
            if (format === 'json') return reply.send(views);
            return reply.type('application/xml; charset=utf-8').send(xmlList('services', 'service', views));
          },
        );

        scope.post(
          `/requests.${format}`,
          {
            config: { access: publicAccess('none') },
            preValidation: checkKey,
            preHandler: limit.admit,
            schema: {
              tags,
              summary: `GeoReport v2: file a service request (${format}); application/x-www-form-urlencoded`,
              description:
                'Needs an open311 API key (`aman keys add --kind open311`) in `api_key`. Location as `lat` and `long`, ' +
                'or `address_string`; attribute answers as `attribute[CODE]`. Contact fields are optional and never published. ' +
                'An `Idempotency-Key` header (an extension: GeoReport v2 has none) makes a retry with the same form answer ' +
                'the first request again (`Idempotent-Replayed: true`) instead of filing a second one; the same key with ' +
                'another form is 422, and while the first is still being filed 409. Keys are per API key.',
              consumes: ['application/x-www-form-urlencoded'],
              headers: IdempotencyHeaders,
              body: Open311RequestForm,
              ...(format === 'json'
                ? { response: { 201: Type.Array(CreatedView), 400: ErrorView, 403: ErrorView, 404: ErrorView } }
                : {}),
            },
          },
          async (req, reply) => {
            const parsed = parseRequestForm(req.body, offered);
            const created = await fileOpen311Request(deps, parsed, req.open311Key!, {
              ip: req.ip,
              language: requestLanguage(req),
              idempotencyKey: req.headers['idempotency-key'],
              form: retryForm(req.body),
            });
            if (created.replayed) {
              replayed.add(req);
              reply.header('idempotent-replayed', 'true');
            }
            return sendList(reply, format, 'request', [created.view], 201);
          },
        );

        scope.get(
          `/requests.${format}`,
          {
            config: { access },
            schema: {
              tags,
              summary: `GeoReport v2: search service requests (${format})`,
              description:
                'Newest first; at most 1,000, within 90 days (the last 90 days by default). Points are H3 cell ' +
                'centres, never the reported point; no contact field and no address is ever returned.',
              querystring: RequestsQuery,
              ...(format === 'json' ? { response: { 200: Type.Array(ServiceRequestView), 400: ErrorView, 404: ErrorView } } : {}),
            },
          },
          async (req, reply) => sendList(reply, format, 'request', await searchRequests(deps, req.query, requestLanguage(req))),
        );
      }

      scope.get(
        '/services/:file',
        {
          config: { access },
          schema: {
            tags,
            summary: 'GeoReport v2 service definition: services/{service_code}.json or .xml',
            params: FileParams,
            querystring: JurisdictionQuery,
          },
        },
        async (req, reply) => {
          const { name, format } = splitFile(req.params.file);
          const service = offered(name);
          if (!service) throw new Open311Error('service_not_found', name);
          const view: ServiceDefinitionView = presentDefinition(service, requestLanguage(req));
          if (format === 'json') return reply.send(view);
          return reply.type('application/xml; charset=utf-8').send(xmlObject('service_definition', definitionAsXmlTree(view)));
        },
      );

      scope.get(
        '/requests/:file',
        {
          config: { access },
          schema: {
            tags,
            summary: 'GeoReport v2: one service request, requests/{id}.json or .xml',
            params: FileParams,
            querystring: JurisdictionQuery,
          },
        },
        async (req, reply) => {
          const { name, format } = splitFile(req.params.file);
          const found: ServiceRequestView[] = await findRequest(deps, name, requestLanguage(req));
          return sendList(reply, format, 'request', found);
        },
      );

      scope.get(
        '/tokens/:file',
        {
          config: { access },
          schema: {
            tags,
            summary: 'GeoReport v2: the request behind a token, tokens/{token}.json or .xml',
            description:
              'Aman files requests at once and answers with service_request_id, so it issues no separate tokens: ' +
              'a token is the request id, and this answers it for clients that always ask.',
            params: FileParams,
            querystring: JurisdictionQuery,
          },
        },
        async (req, reply) => {
          const { name, format } = splitFile(req.params.file);
          const [found] = await findRequest(deps, name, requestLanguage(req));
          const tokens: TokenView[] = [{ service_request_id: found!.service_request_id, token: name }];
          return sendList(reply, format, 'request', tokens);
        },
      );

      // Unknown paths under the prefix answer in the spec's error shape, not as problem+json.
      scope.route({
        method: ['GET', 'POST'],
        url: '/*',
        config: { access: publicAccess('none') },
        schema: { hide: true },
        handler: async () => {
          throw new Open311Error('not_found');
        },
      });
    },
    { prefix: OPEN311_PREFIX },
  );
}

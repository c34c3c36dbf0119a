import type { Jurisdiction, Language } from '../../../../common/roles.js';
import { announceEvents } from '../../../events/index.js';
import { covers } from '../../../http/actor.js';
import { fileReport, open311Incidents, type ReportDeps } from '../../incidents/index.js';
import { resolvePoint, type Geocoder } from '../../geo/index.js';
import { Open311Error } from './errors.js';
import type { ParsedRequest } from './form.js';
import { presentRequest, statusesFor } from './present.js';
import type { CreatedView, RequestsQuery, ServiceRequestView } from './schema.js';
import { findService } from './services.js';
import { findOpen311Requests, insertOpen311Request, type Open311Row } from './store.js';

export interface Open311Deps extends ReportDeps {
  geocoder: Geocoder;
}

export interface Open311Key {
  id: string;
  jurisdiction: Jurisdiction;
}

const DAY_MS = 86_400_000;
/** GeoReport v2: a search spans at most 90 days, and the default answer is the last 90 days or 1,000 requests. */
export const MAX_RANGE_DAYS = 90;
export const MAX_REQUESTS = 1000;

const NOTICE: Record<Language, (code: string) => string> = {
  kk: (code) => `Қабылданды. Бақылау коды: ${code}. Бұл шұғыл желі емес: қауіп төнсе, 102 немесе 112 нөміріне қоңырау шалыңыз.`,
  ru: (code) => `Принято. Код для отслеживания: ${code}. Это не экстренная линия: при опасности звоните 102 или 112.`,
  en: (code) => `Received. Tracking code: ${code}. This is not an emergency line: if anyone is in danger, call 102 or 112.`,
};

async function locate(deps: Open311Deps, request: ParsedRequest, language: Language): Promise<{ lon: number; lat: number }> {
  if (request.point) return request.point;
  const [found] = await deps.geocoder.search(request.addressString ?? '', language, 1);
  if (!found) throw new Open311Error('address_not_found');
  const [lon, lat] = found.point.coordinates;
  return { lon, lat };
}

// The operator reads one text: the citizen's words, then what only Open311 carried.
function operatorText(request: ParsedRequest): string {
  const facts = [
    `Open311: ${request.service.code}`,
    ...Object.entries(request.attributes).map(([code, value]) => `${code}: ${value}`),
    ...(request.addressString ? [`address_string: ${request.addressString}`] : []),
  ];
  return `${request.description ?? request.service.name.ru}\n\n${facts.join('\n')}`;
}

/** Whose Idempotency-Keys a request's are: each API key has its own. */
export const open311KeyScope = (key: Open311Key): string => `open311:${key.id}`;

/**
 * Files an Open311 request as a citizen report on the 'open311' channel, so it enters the same
 * queue as the web and Telegram reports, with the contact fields encrypted as theirs are. Every
 * check runs before anything is written.
 */
export async function fileOpen311Request(
  deps: Open311Deps,
  request: ParsedRequest,
  key: Open311Key,
  context: { ip: string; language: Language; idempotencyKey?: string; form: unknown },
): Promise<{ view: CreatedView; replayed: boolean }> {
  const point = await locate(deps, request, context.language);
  const place = await resolvePoint(deps.db, point);
  if (!place) throw new Open311Error('outside_kazakhstan');
  if (!covers(key.jurisdiction, place)) throw new Open311Error('api_key_outside');
  const reporter = request.reporter;
  // The incident and its Open311 request commit together: a request id the client was given
  // always answers, and a crash in between leaves neither.
  const filed = await deps.db.transaction().execute(async (trx) => {
    const incident = await fileReport(
      { ...deps, db: trx },
      {
        category: request.service.category,
        description: operatorText(request),
        location: { type: 'Point', coordinates: [point.lon, point.lat] },
        ...(Object.keys(reporter).length > 0 ? { reporter } : { anonymous: true }),
      },
      { kind: 'apiKey', id: key.id, ip: context.ip },
      // A client's retry of a request it never heard answered: the same form, the same key.
      {
        channel: 'open311',
        ...(context.idempotencyKey
          ? { idempotencyKey: context.idempotencyKey, keyScope: open311KeyScope(key), request: context.form }
          : {}),
      },
    );
    // A replay's Open311 request was stored with its incident the first time.
    if (incident.replayed) return incident;
    await insertOpen311Request(trx, {
      incidentId: incident.body.id,
      serviceCode: request.service.code,
      regionId: place.regionId,
      apiKeyId: key.id,
      requestedAt: deps.clock(),
      attributes: request.attributes,
      publicDescription: request.service.confidential ? null : request.description,
    });
    return incident;
  });
  if (!filed.replayed) void announceEvents(deps.db);
  return {
    view: {
      service_request_id: filed.body.id,
      service_notice: NOTICE[context.language](filed.body.trackingCode),
      account_id: null,
    },
    replayed: filed.replayed,
  };
}

// A comma list; an empty one is no filter at all, as an absent parameter.
function list(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  return items && items.length > 0 ? items : undefined;
}

function date(value: string | undefined, name: string): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw new Open311Error('argument_invalid', name);
  return parsed;
}

/** The window a search covers: as given, or up to 90 days from whichever end was given, else the last 90 days. */
export function searchWindow(query: Pick<RequestsQuery, 'start_date' | 'end_date'>, now: Date): { from: Date; to: Date } {
  const start = date(query.start_date, 'start_date');
  const end = date(query.end_date, 'end_date');
  const span = MAX_RANGE_DAYS * DAY_MS;
  const to = end ?? (start ? new Date(start.getTime() + span) : now);
  const from = start ?? new Date(to.getTime() - span);
  if (from.getTime() > to.getTime()) throw new Open311Error('argument_invalid', 'end_date');
  if (to.getTime() - from.getTime() > span) throw new Open311Error('range_too_long');
  return { from, to };
}

function statusFilter(value: string | undefined): readonly string[] | undefined {
  const wanted = list(value);
  if (!wanted) return undefined;
  const statuses: string[] = [];
  for (const s of wanted) {
    if (s !== 'open' && s !== 'closed') throw new Open311Error('argument_invalid', 'status');
    statuses.push(...statusesFor(s));
  }
  return statuses;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function withIncidents(
  deps: Pick<Open311Deps, 'db'>,
  rows: Open311Row[],
  statuses: readonly string[] | undefined,
  language: Language,
): Promise<ServiceRequestView[]> {
  const byId = new Map(rows.map((r) => [r.incidentId, r]));
  const incidents = await open311Incidents(deps.db, [...byId.keys()], { statuses, limit: MAX_REQUESTS });
  return incidents.map((incident) => {
    const row = byId.get(incident.id)!;
    return presentRequest(
      {
        id: incident.id,
        serviceCode: row.serviceCode,
        status: incident.status,
        requestedAt: row.requestedAt,
        updatedAt: incident.updatedAt,
        h3: incident.h3,
        publicDescription: row.publicDescription,
      },
      language,
    );
  });
}

/** GET requests: by ids (which override every other filter), or by service, window and status; newest first. */
export async function searchRequests(
  deps: Pick<Open311Deps, 'db' | 'clock'>,
  query: RequestsQuery,
  language: Language,
): Promise<ServiceRequestView[]> {
  const ids = list(query.service_request_id);
  if (ids) {
    const valid = ids.filter((id) => UUID.test(id)).slice(0, MAX_REQUESTS);
    return withIncidents(deps, await findOpen311Requests(deps.db, { ids: valid }), undefined, language);
  }
  const codes = list(query.service_code);
  for (const code of codes ?? []) if (!findService(code)) throw new Open311Error('service_not_found', code);
  const window = searchWindow(query, deps.clock());
  const statuses = statusFilter(query.status);
  // Without a status filter the newest 1,000 rows are the answer; with one, the window is read whole
  // since the status lives on the incident.
  const rows = await findOpen311Requests(deps.db, {
    ...window,
    serviceCodes: codes,
    limit: statuses ? undefined : MAX_REQUESTS,
  });
  return withIncidents(deps, rows, statuses, language);
}

/** One request by id, as a one-element list (the spec's shape); 404 for an id that is no Open311 request. */
export async function findRequest(deps: Pick<Open311Deps, 'db'>, id: string, language: Language): Promise<ServiceRequestView[]> {
  if (!UUID.test(id)) throw new Open311Error('request_not_found');
  const found = await withIncidents(deps, await findOpen311Requests(deps.db, { ids: [id] }), undefined, language);
  if (found.length === 0) throw new Open311Error('request_not_found');
  return found;
}

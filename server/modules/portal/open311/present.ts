import { cellToLatLng, cellToParent, getResolution } from 'h3-js';
import type { Language } from '../../../../common/roles.js';
import { statusText } from '../../incidents/index.js';
import type { ServiceDefinitionView, ServiceRequestView, ServiceView } from './schema.js';
import { findService, type Open311Service } from './services.js';

// Ordinary requests are published at the centre of their H3 cell of resolution 9 (about 175 m
// across), tip-offs at resolution 7 (about 1.2 km): never the point itself.
const PUBLIC_RESOLUTION = 9;
const TIP_OFF_RESOLUTION = 7;
const OPEN_STATUSES = ['new', 'triaged', 'dispatched', 'en_route', 'on_scene'];

const AGENCY: Record<Language, string> = {
  kk: 'Қазақстан Республикасының полициясы',
  ru: 'Полиция Республики Казахстан',
  en: 'Police of the Republic of Kazakhstan',
};

export const isOpenStatus = (status: string) => OPEN_STATUSES.includes(status);
export const statusesFor = (open311: 'open' | 'closed') =>
  open311 === 'open' ? OPEN_STATUSES : ['resolved', 'closed', 'cancelled', 'merged'];

export function presentService(service: Open311Service, language: Language): ServiceView {
  return {
    service_code: service.code,
    service_name: service.name[language],
    description: service.description[language],
    metadata: service.attributes.length > 0,
    type: 'realtime',
    keywords: service.keywords,
    group: service.group,
  };
}

export function presentDefinition(service: Open311Service, language: Language): ServiceDefinitionView {
  return {
    service_code: service.code,
    attributes: service.attributes.map((a, index) => ({
      variable: true,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: null,
      order: index + 1,
      description: a.description[language],
      values: (a.values ?? []).map((v) => ({ key: v.key, name: v.name[language] })),
    })),
  };
}

/** The spec's XML nests list items one level deeper than its JSON: `<values><value>…`. */
export function definitionAsXmlTree(view: ServiceDefinitionView): object {
  return {
    service_code: view.service_code,
    attributes: { attribute: view.attributes.map((a) => ({ ...a, values: { value: a.values } })) },
  };
}

function publicPoint(h3: string | null, service: Open311Service): { lat: number | null; long: number | null } {
  if (!h3) return { lat: null, long: null };
  const target = service.confidential ? TIP_OFF_RESOLUTION : PUBLIC_RESOLUTION;
  const cell = getResolution(h3) > target ? cellToParent(h3, target) : h3;
  const [lat, lng] = cellToLatLng(cell);
  return { lat: Number(lat.toFixed(6)), long: Number(lng.toFixed(6)) };
}

export interface PublicRequest {
  id: string;
  serviceCode: string;
  status: string;
  requestedAt: Date;
  updatedAt: Date;
  h3: string | null;
  publicDescription: string | null;
}

export function presentRequest(request: PublicRequest, language: Language): ServiceRequestView {
  const service = findService(request.serviceCode);
  return {
    service_request_id: request.id,
    status: isOpenStatus(request.status) ? 'open' : 'closed',
    status_notes: statusText(request.status, language),
    service_name: service?.name[language] ?? request.serviceCode,
    service_code: request.serviceCode,
    description: service?.confidential ? null : request.publicDescription,
    agency_responsible: AGENCY[language],
    service_notice: null,
    requested_datetime: request.requestedAt.toISOString(),
    updated_datetime: request.updatedAt.toISOString(),
    expected_datetime: null,
    address: null,
    address_id: null,
    zipcode: null,
    ...(service ? publicPoint(request.h3, service) : { lat: null, long: null }),
    media_url: null,
  };
}

import { Open311Error } from './errors.js';
import type { Open311RequestForm } from './schema.js';
import type { Open311Service } from './services.js';

/** A POST requests form, checked against the spec and the service's attributes. */
export interface ParsedRequest {
  service: Open311Service;
  point: { lon: number; lat: number } | null;
  addressString: string | null;
  description: string | null;
  attributes: Record<string, string>;
  reporter: { name?: string; email?: string; phone?: string };
}

const ATTRIBUTE = /^attribute\[([^\]]{1,64})\](\[\])?$/;
// The same shapes the web report form accepts (incidents' ReportRequest).
const PHONE = /^\+?[0-9 ()-]{5,24}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function text(form: Open311RequestForm, name: string): string | undefined {
  const value = (form as Record<string, unknown>)[name];
  if (value === undefined) return undefined;
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') throw new Open311Error('argument_invalid', name);
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function coordinate(form: Open311RequestForm, name: 'lat' | 'long', limit: number): number | undefined {
  const raw = text(form, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || Math.abs(value) > limit) throw new Open311Error('argument_invalid', name);
  return value;
}

function attributeAnswers(form: Open311RequestForm, service: Open311Service): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const [name, raw] of Object.entries(form)) {
    const match = ATTRIBUTE.exec(name);
    if (!match) continue;
    const code = match[1]!;
    const attribute = service.attributes.find((a) => a.code === code);
    // No service here takes a multivaluelist, so a list answer is as wrong as an unknown code.
    if (!attribute || typeof raw !== 'string') throw new Open311Error('argument_invalid', name);
    const value = raw.trim();
    if (value === '') continue;
    const fits =
      attribute.datatype === 'singlevaluelist'
        ? (attribute.values ?? []).some((v) => v.key === value)
        : attribute.datatype === 'number'
          ? Number.isFinite(Number(value))
          : value.length <= (attribute.datatype === 'string' ? 200 : 4000);
    if (!fits) throw new Open311Error('argument_invalid', name);
    answers[code] = value;
  }
  for (const attribute of service.attributes) {
    if (attribute.required && answers[attribute.code] === undefined) {
      throw new Open311Error('argument_missing', `attribute[${attribute.code}]`);
    }
  }
  return answers;
}

function reporterOf(form: Open311RequestForm): ParsedRequest['reporter'] {
  const email = text(form, 'email');
  if (email !== undefined && !EMAIL.test(email)) throw new Open311Error('argument_invalid', 'email');
  const phone = text(form, 'phone');
  if (phone !== undefined && !PHONE.test(phone)) throw new Open311Error('argument_invalid', 'phone');
  const name = [text(form, 'first_name'), text(form, 'last_name')].filter(Boolean).join(' ');
  return {
    ...(name ? { name } : {}),
    ...(email !== undefined ? { email } : {}),
    ...(phone !== undefined ? { phone } : {}),
  };
}

/** The form's api_key; GeoReport v2 answers 403 when it is missing. */
export function apiKeyOf(form: unknown): string {
  const value = form && typeof form === 'object' ? (form as Record<string, unknown>).api_key : undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new Open311Error('api_key_missing');
  return value.trim();
}

/**
 * Reads a POST requests form (its key already checked) in the order of the spec's errors: the
 * service (400 missing, 404 unknown), then the location, the attributes and the contact fields (400).
 */
export function parseRequestForm(form: Open311RequestForm, find: (code: string) => Open311Service | undefined): ParsedRequest {
  const code = text(form, 'service_code');
  if (code === undefined) throw new Open311Error('argument_missing', 'service_code');
  const service = find(code);
  if (!service) throw new Open311Error('service_not_found', code);
  const lat = coordinate(form, 'lat', 90);
  const lon = coordinate(form, 'long', 180);
  if ((lat === undefined) !== (lon === undefined)) throw new Open311Error('argument_missing', lat === undefined ? 'lat' : 'long');
  const addressString = text(form, 'address_string') ?? null;
  const point = lat !== undefined && lon !== undefined ? { lat, lon } : null;
  if (!point && !addressString) throw new Open311Error('location_missing');
  return {
    service,
    point,
    addressString,
    description: text(form, 'description') ?? null,
    attributes: attributeAnswers(form, service),
    reporter: reporterOf(form),
  };
}

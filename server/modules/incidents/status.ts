import type { Language } from '../../../common/roles.js';

export const INCIDENT_STATUSES = [
  'new',
  'triaged',
  'dispatched',
  'en_route',
  'on_scene',
  'resolved',
  'closed',
  'cancelled',
  'merged',
] as const;

export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

// What the reporter reads on a timeline entry that has no text of its own.
const STATUS_TEXT: { readonly [S in IncidentStatus]: Record<Language, string> } = {
  new: { kk: 'Хабарлама қабылданды', ru: 'Сообщение принято', en: 'Report received' },
  triaged: { kk: 'Хабарлама қаралды', ru: 'Сообщение рассмотрено', en: 'Report assessed' },
  dispatched: { kk: 'Полиция жасағы жіберілді', ru: 'Направлен наряд полиции', en: 'A police unit has been sent' },
  en_route: { kk: 'Жасақ жолда', ru: 'Наряд в пути', en: 'The unit is on its way' },
  on_scene: { kk: 'Жасақ оқиға орнында', ru: 'Наряд на месте', en: 'The unit is on scene' },
  resolved: { kk: 'Шара қолданылды', ru: 'Меры приняты', en: 'Action has been taken' },
  closed: { kk: 'Хабарлама жабылды', ru: 'Сообщение закрыто', en: 'Report closed' },
  cancelled: { kk: 'Хабарлама тоқтатылды', ru: 'Сообщение отменено', en: 'Report cancelled' },
  merged: {
    kk: 'Сол оқиға туралы басқа хабарламамен біріктірілді',
    ru: 'Объединено с другим сообщением о том же происшествии',
    en: 'Merged with another report of the same incident',
  },
};

export function isIncidentStatus(value: string): value is IncidentStatus {
  return (INCIDENT_STATUSES as readonly string[]).includes(value);
}

export function statusText(status: string, language: Language): string {
  return isIncidentStatus(status) ? STATUS_TEXT[status][language] : status;
}

import { Type } from '@sinclair/typebox';
import type { Language } from '../../../common/roles.js';
import { toLocalIso } from '../../../common/time.js';
import type { Db } from '../../db/connection.js';
import type { Neighbourhood } from './neighbourhoods.js';
import { inLanguage } from './neighbourhood-team.js';
import type { POSITIONS, RANKS } from './neighbourhood-team-schema.js';
import * as store from './neighbourhood-team-store.js';

/** data.police.uk's `neighbourhood-team`, `neighbourhood-priorities` and `neighbourhood-events` shapes, field for field. */
const ContactDetails = Type.Object(
  { telephone: Type.Optional(Type.String()), email: Type.Optional(Type.String()) },
  { description: 'Work contacts only' },
);
export const OpenPerson = Type.Object({
  name: Type.String(),
  rank: Type.String({ examples: ['District police inspector, police captain'] }),
  bio: Type.Union([Type.String(), Type.Null()]),
  contact_details: ContactDetails,
});
export const OpenPriority = Type.Object({
  issue: Type.String(),
  'issue-date': Type.String({ examples: ['2026-09-01T00:00:00'] }),
  action: Type.Union([Type.String(), Type.Null()]),
  'action-date': Type.Union([Type.String({ examples: ['2026-09-20T00:00:00'] }), Type.Null()]),
});
export const OpenEvent = Type.Object({
  contact_details: ContactDetails,
  description: Type.Union([Type.String(), Type.Null()]),
  title: Type.String(),
  address: Type.String(),
  type: Type.String({ examples: ['meeting'] }),
  start_date: Type.String({
    description: 'Local time of the region, without offset, as data.police.uk gives it',
    examples: ['2026-09-17T18:00:00'],
  }),
  end_date: Type.String({ examples: ['2026-09-17T19:30:00'] }),
});

const POSITION_NAMES: Record<(typeof POSITIONS)[number], Record<Language, string>> = {
  'district-inspector': {
    kk: 'Учаскелік полиция инспекторы',
    ru: 'Участковый инспектор полиции',
    en: 'District police inspector',
  },
  'senior-district-inspector': {
    kk: 'Аға учаскелік полиция инспекторы',
    ru: 'Старший участковый инспектор полиции',
    en: 'Senior district police inspector',
  },
  'juvenile-inspector': {
    kk: 'Ювеналдық полиция инспекторы',
    ru: 'Инспектор ювенальной полиции',
    en: 'Juvenile police inspector',
  },
  'service-head': {
    kk: 'Учаскелік полиция инспекторлары қызметінің басшысы',
    ru: 'Начальник службы участковых инспекторов полиции',
    en: 'Head of the district inspectors’ service',
  },
};

const RANK_NAMES: Record<(typeof RANKS)[number], Record<Language, string>> = {
  'junior-lieutenant': { kk: 'полиция кіші лейтенанты', ru: 'младший лейтенант полиции', en: 'police junior lieutenant' },
  lieutenant: { kk: 'полиция лейтенанты', ru: 'лейтенант полиции', en: 'police lieutenant' },
  'senior-lieutenant': { kk: 'полиция аға лейтенанты', ru: 'старший лейтенант полиции', en: 'police senior lieutenant' },
  captain: { kk: 'полиция капитаны', ru: 'капитан полиции', en: 'police captain' },
  major: { kk: 'полиция майоры', ru: 'майор полиции', en: 'police major' },
  'lieutenant-colonel': { kk: 'полиция подполковнигі', ru: 'подполковник полиции', en: 'police lieutenant colonel' },
  colonel: { kk: 'полиция полковнигі', ru: 'полковник полиции', en: 'police colonel' },
};

type Contacts = { telephone?: string; email?: string };
const contacts = (m: { phone: string | null; email: string | null }): Contacts => ({
  ...(m.phone ? { telephone: m.phone } : {}),
  ...(m.email ? { email: m.email } : {}),
});
const localDateTime = (instant: Date, timeZone: string) => toLocalIso(instant, timeZone).slice(0, 19);
const midnight = (day: string | null) => (day ? `${day}T00:00:00` : null);

/** `/{force}/{neighbourhood}/people`: the beat's officers, their rank as job and special rank. */
export async function openPeople(db: Db, n: Neighbourhood, language: Language) {
  return (await store.members(db, n.id)).map((m) => ({
    name: m.name,
    rank: `${POSITION_NAMES[m.position as keyof typeof POSITION_NAMES]?.[language] ?? m.position}, ${
      RANK_NAMES[m.rank as keyof typeof RANK_NAMES]?.[language] ?? m.rank
    }`,
    bio: m.bio ? inLanguage(m.bio, language) : null,
    contact_details: contacts(m),
  }));
}

/** `/{force}/{neighbourhood}/priorities`: the open priorities, the newest agreed first. */
export async function openPriorities(db: Db, n: Neighbourhood, language: Language) {
  return (await store.priorities(db, n.id, true)).map((p) => ({
    issue: inLanguage(p.issue, language),
    'issue-date': midnight(p.issue_date)!,
    action: p.action ? inLanguage(p.action, language) : null,
    'action-date': midnight(p.action_date),
  }));
}

/** `/{force}/{neighbourhood}/events`: meetings not yet over, the soonest first; contact is the team's first officer. */
export async function openEvents(db: Db, n: Neighbourhood, language: Language, now: Date) {
  const [meetings, people] = await Promise.all([store.meetings(db, n.id, now), store.members(db, n.id)]);
  const contact = people[0] ? contacts(people[0]) : {};
  return meetings.map((m) => ({
    contact_details: contact,
    description: m.description ? inLanguage(m.description, language) : null,
    title: inLanguage(m.title, language),
    address: inLanguage(m.address, language),
    type: m.type,
    start_date: localDateTime(m.starts_at, n.region.tz),
    end_date: localDateTime(m.ends_at, n.region.tz),
  }));
}

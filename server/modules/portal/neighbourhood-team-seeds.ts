import sharp from 'sharp';
import type { Db } from '../../db/connection.js';
import { regionNeighbourhoods, type Neighbourhood } from './neighbourhoods.js';
import type { LocalText } from './neighbourhood-team-tables.js';

// The demo's cities: Almaty, Astana, Shymkent.
const DEMO_REGIONS = ['750000000', '710000000', '790000000'];
/** Invented people, marked "(демо)" in their names so that no one takes them for real officers. */
const NAMES = [
  'Нұрлан Сәрсенов',
  'Айгерім Омарова',
  'Ерлан Жұмабаев',
  'Дина Қасымова',
  'Самат Ахметов',
  'Гүлнар Исаева',
  'Бауыржан Тәжібаев',
  'Асхат Мұратов',
];
const RANKS = ['senior-lieutenant', 'captain', 'major'] as const;
const COLOURS = ['#3b6e8f', '#5b7f3a', '#8a5a2b', '#6a4c93'];

const BIO: LocalText = {
  kk: 'Демо деректер. Учаскенің тұрғындарымен жұмыс істейді: профилактика, отбасылық жанжалдар, жасөспірімдер.',
  ru: 'Демонстрационные данные. Работает с жителями участка: профилактика, семейные конфликты, подростки.',
  en: 'Demo data. Works with the beat’s residents: prevention, family conflicts, teenagers.',
};

const PRIORITIES: { issue: LocalText; action: LocalText | null }[] = [
  {
    issue: {
      kk: 'Мектеп жанындағы көшеде жылдамдықты асыру',
      ru: 'Превышение скорости на улице у школы',
      en: 'Speeding on the street by the school',
    },
    action: {
      kk: 'Сабақ басталар алдында аптасына екі рет жылдамдық өлшенді; әкімдікке жасанды кедір-бұдыр салу туралы хат жіберілді.',
      ru: 'Перед началом уроков дважды в неделю проводились замеры скорости; в акимат направлено письмо об установке искусственной неровности.',
      en: 'Speed checks twice a week before school starts; the akimat was asked in writing for a speed hump.',
    },
  },
  {
    issue: {
      kk: 'Түнде аулаларда жастардың жиналып, ішімдік ішуі',
      ru: 'Ночные сборища молодёжи во дворах с распитием спиртного',
      en: 'Young people gathering and drinking in courtyards at night',
    },
    action: {
      kk: 'Ювеналдық полиция инспекторымен кешкі рейдтер; ата-аналармен кездесу; пәтер иелері бірлестігімен бірге аулалардағы жарық жөнделді.',
      ru: 'Вечерние рейды с инспектором ювенальной полиции; встреча с родителями; вместе с ОСИ отремонтировано освещение дворов.',
      en: 'Evening patrols with the juvenile police inspector; a meeting with parents; courtyard lighting repaired with the owners’ association.',
    },
  },
  {
    issue: {
      kk: 'Подъездерден велосипед пен самокат ұрлау',
      ru: 'Кражи велосипедов и самокатов из подъездов',
      en: 'Bicycles and scooters stolen from entrances',
    },
    action: null,
  },
];

/** A plain silhouette, obviously not a real person's photo. */
function silhouette(colour: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240">
    <rect width="240" height="240" fill="${colour}"/>
    <circle cx="120" cy="92" r="46" fill="#f1f1f1"/>
    <path d="M40 240 C40 168 80 146 120 146 C160 146 200 168 200 240 Z" fill="#f1f1f1"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const daysFrom = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000);
/** 18:30 local time, `days` from now, in a city on UTC+5. */
const evening = (now: Date, days: number) => {
  const d = daysFrom(now, days);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 13, 30));
};

function rows(n: Neighbourhood, i: number, photos: Buffer[], now: Date) {
  const placed = { beat_id: n.id, district_id: n.district.id, region_id: n.region.id, created_at: now, updated_at: now };
  const point: LocalText = {
    kk: `№${n.number} учаскелік полиция пункті (демо мекенжай)`,
    ru: `Участковый пункт полиции №${n.number} (демо-адрес)`,
    en: `Police reception point No. ${n.number} (demo address)`,
  };
  const member = {
    ...placed,
    sort_order: 0,
    name: `${NAMES[i % NAMES.length]} (демо)`,
    position: 'district-inspector',
    rank: RANKS[i % RANKS.length]!,
    phone: `+7 700 000 ${String(i % 100).padStart(2, '0')} ${String(n.number % 100).padStart(2, '0')}`,
    email: `beat-${n.number}@police.example.org`,
    reception_point: JSON.stringify(point),
    reception_hours: JSON.stringify([
      { day: 2, from: '18:00', to: '20:00' },
      { day: 4, from: '18:00', to: '20:00' },
      { day: 6, from: '10:00', to: '12:00' },
    ]),
    bio: JSON.stringify(BIO),
    photo: photos[i % photos.length]!,
    photo_updated_at: now,
  };
  const priorities = PRIORITIES.slice(0, 2 + (i % 2)).map((p, k) => ({
    ...placed,
    issue: JSON.stringify(p.issue),
    issue_date: day(daysFrom(now, -60 + k * 10)),
    action: p.action ? JSON.stringify(p.action) : null,
    action_date: p.action ? day(daysFrom(now, -20 + k * 5)) : null,
    closed: false,
  }));
  const meetings = [
    {
      type: 'meeting' as const,
      start: evening(now, 7),
      title: { kk: 'Тұрғындармен кездесу', ru: 'Встреча с жителями', en: 'Meeting with residents' },
    },
    {
      type: 'report' as const,
      start: evening(now, 21),
      title: {
        kk: 'Учаскелік инспектордың тұрғындар алдындағы есебі',
        ru: 'Отчёт участкового инспектора перед жителями',
        en: 'The district inspector reports to residents',
      },
    },
  ]
    .slice(0, 1 + (i % 2))
    .map((m) => ({
      ...placed,
      type: m.type,
      title: JSON.stringify(m.title),
      description: JSON.stringify({
        kk: 'Учаскедегі басымдықтарды талқылаймыз. Демо деректер.',
        ru: 'Обсудим приоритеты участка. Демонстрационные данные.',
        en: 'We will discuss the beat’s priorities. Demo data.',
      }),
      address: JSON.stringify(point),
      starts_at: m.start,
      ends_at: new Date(m.start.getTime() + 90 * 60_000),
    }));
  return { member, priorities, meetings };
}

/**
 * Demo data only: an invented inspector with a silhouette for a photo, two or three priorities
 * and one or two coming meetings for each beat of the demo cities that has no team yet.
 */
export async function seedDemoNeighbourhoodTeams(db: Db, now: Date): Promise<void> {
  const photos = await Promise.all(COLOURS.map(silhouette));
  const seeded = new Set(
    (await db.selectFrom('portal_team_members').select('beat_id').distinct().execute()).map((r) => r.beat_id),
  );
  for (const regionId of DEMO_REGIONS) {
    const beats = ((await regionNeighbourhoods(db, regionId, 'ru')) ?? []).filter((n) => !seeded.has(n.id));
    if (beats.length === 0) continue;
    const all = beats.map((n, i) => rows(n, i, photos, now));
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('portal_team_members')
        .values(all.map((r) => r.member))
        .execute();
      await trx
        .insertInto('portal_priorities')
        .values(all.flatMap((r) => r.priorities))
        .execute();
      await trx
        .insertInto('portal_meetings')
        .values(all.flatMap((r) => r.meetings))
        .execute();
    });
  }
}

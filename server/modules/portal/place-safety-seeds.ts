import type { Db } from '../../db/connection.js';
import { seedPlace } from './place-safety-admin.js';
import { ensurePlaceCounts } from './place-safety-counts.js';
import type { PlaceWrite } from './place-safety-schema.js';
import * as store from './place-safety-store.js';

interface DemoPlace {
  key: string;
  kind: PlaceWrite['kind'];
  names: PlaceWrite['names'];
  /** Centre (longitude, latitude) and radius in metres: the demo's outlines are circles. */
  at: [number, number, number];
  /** Visitor-hours a month; malls, stations and venues count their visitors, parks and markets mostly do not. */
  visitors?: number;
  /** Stars of the demo reviews. */
  stars: number[];
}

const DEMO = ' (демо)';

// Real places of Almaty, Astana and Shymkent at about their real positions and sizes; visitor
// figures and reviews are invented, and every name says so.
const PLACES: DemoPlace[] = [
  {
    key: 'almaty-central-park',
    kind: 'park',
    names: { kk: 'Орталық саябақ', ru: 'Центральный парк', en: 'Central Park' },
    at: [76.968, 43.261, 450],
    stars: [5, 4, 4, 5, 3],
  },
  {
    key: 'almaty-panfilov-park',
    kind: 'park',
    names: { kk: '28 панфиловшы гвардияшылар саябағы', ru: 'Парк 28 гвардейцев-панфиловцев', en: 'Panfilov Park' },
    at: [76.9555, 43.2585, 250],
    stars: [4, 4, 5],
  },
  {
    key: 'almaty-first-president-park',
    kind: 'park',
    names: { kk: 'Тұңғыш Президент саябағы', ru: 'Парк Первого Президента', en: 'First President’s Park' },
    at: [76.88, 43.19, 500],
    stars: [5, 5, 4, 5],
  },
  {
    key: 'astana-central-park',
    kind: 'park',
    names: { kk: 'Астана орталық саябағы', ru: 'Центральный парк Астаны', en: 'Astana Central Park' },
    at: [71.42, 51.154, 400],
    stars: [4, 3, 4],
  },
  {
    key: 'shymkent-central-park',
    kind: 'park',
    names: { kk: 'Шымкент орталық саябағы', ru: 'Центральный парк Шымкента', en: 'Shymkent Central Park' },
    at: [69.593, 42.32, 300],
    stars: [4, 5],
  },
  {
    key: 'almaty-mega',
    kind: 'mall',
    names: { kk: 'MEGA Alma-Ata сауда орталығы', ru: 'ТРЦ MEGA Alma-Ata', en: 'MEGA Alma-Ata mall' },
    at: [76.928, 43.202, 160],
    visitors: 1_400_000,
    stars: [4, 4, 3, 5],
  },
  {
    key: 'almaty-dostyk-plaza',
    kind: 'mall',
    names: { kk: 'Dostyk Plaza сауда орталығы', ru: 'ТРЦ Dostyk Plaza', en: 'Dostyk Plaza mall' },
    at: [76.955, 43.233, 130],
    visitors: 900_000,
    stars: [5, 4],
  },
  {
    key: 'astana-khan-shatyr',
    kind: 'mall',
    names: { kk: 'Хан Шатыр', ru: 'Хан Шатыр', en: 'Khan Shatyr' },
    at: [71.404, 51.1325, 150],
    visitors: 1_100_000,
    stars: [4, 5, 4],
  },
  {
    key: 'shymkent-plaza',
    kind: 'mall',
    names: { kk: 'Shymkent Plaza сауда орталығы', ru: 'ТРЦ Shymkent Plaza', en: 'Shymkent Plaza mall' },
    at: [69.587, 42.326, 120],
    visitors: 600_000,
    stars: [3, 4],
  },
  {
    key: 'almaty-green-bazaar',
    kind: 'market',
    names: { kk: 'Көк базар', ru: 'Зелёный базар', en: 'Green Bazaar' },
    at: [76.953, 43.265, 120],
    stars: [4, 3, 4, 2],
  },
  {
    key: 'almaty-barakholka',
    kind: 'market',
    names: { kk: 'Барахолка базары', ru: 'Рынок Барахолка', en: 'Barakholka market' },
    at: [76.83, 43.265, 400],
    stars: [2, 3, 2],
  },
  {
    key: 'astana-artem',
    kind: 'market',
    names: { kk: 'Артём базары', ru: 'Рынок Артём', en: 'Artem market' },
    at: [71.425, 51.181, 150],
    stars: [3, 4],
  },
  {
    key: 'shymkent-central-bazaar',
    kind: 'market',
    names: { kk: 'Шымкент орталық базары', ru: 'Центральный рынок Шымкента', en: 'Shymkent Central Bazaar' },
    at: [69.597, 42.316, 200],
    stars: [3, 3, 4],
  },
  {
    key: 'almaty-2-station',
    kind: 'station',
    names: { kk: 'Алматы-2 вокзалы', ru: 'Вокзал Алматы-2', en: 'Almaty-2 railway station' },
    at: [76.941, 43.272, 150],
    visitors: 450_000,
    stars: [3, 4, 3],
  },
  {
    key: 'almaty-sayakhat',
    kind: 'station',
    names: { kk: '«Саяхат» автовокзалы', ru: 'Автовокзал «Саяхат»', en: 'Sayakhat bus station' },
    at: [76.957, 43.274, 100],
    visitors: 300_000,
    stars: [2, 3],
  },
  {
    key: 'astana-nurly-zhol',
    kind: 'station',
    names: { kk: '«Нұрлы жол» вокзалы', ru: 'Вокзал «Нурлы жол»', en: 'Nurly Zhol station' },
    at: [71.53, 51.113, 200],
    visitors: 500_000,
    stars: [5, 4, 4],
  },
  {
    key: 'shymkent-station',
    kind: 'station',
    names: { kk: 'Шымкент вокзалы', ru: 'Вокзал Шымкента', en: 'Shymkent railway station' },
    at: [69.564, 42.3, 150],
    visitors: 200_000,
    stars: [3, 4],
  },
  {
    key: 'almaty-medeu',
    kind: 'entertainment',
    names: { kk: '«Медеу» мұз айдыны', ru: 'Каток «Медеу»', en: 'Medeu ice rink' },
    at: [77.059, 43.157, 200],
    visitors: 250_000,
    stars: [5, 5, 4],
  },
  {
    key: 'astana-duman',
    kind: 'entertainment',
    names: { kk: '«Думан» ойын-сауық орталығы', ru: 'Развлекательный центр «Думан»', en: 'Duman entertainment centre' },
    at: [71.431, 51.147, 150],
    visitors: 200_000,
    stars: [4, 4],
  },
  {
    key: 'shymkent-aquapark',
    kind: 'entertainment',
    names: { kk: 'Шымкент аквапаркі', ru: 'Аквапарк Шымкента', en: 'Shymkent water park' },
    at: [69.62, 42.335, 150],
    visitors: 120_000,
    stars: [4, 3, 5],
  },
];

const REVIEW_TEXTS: { text: string; language: 'kk' | 'ru' | 'en' }[] = [
  { text: 'Кешке дейін жарық, патруль жиі өтеді.', language: 'kk' },
  { text: 'Вечером людно, но спокойно; охрана на входе.', language: 'ru' },
  { text: 'Well lit and busy until late; I felt safe with children.', language: 'en' },
  { text: 'Сумки лучше держать при себе: в толпе бывают карманники.', language: 'ru' },
];

const VISITOR_SOURCE = 'Демо: оператор объекта / demo: the operator’s count';

/** The demo's rated places with a few reviews each, and their counts over the published months. Idempotent. */
export async function seedDemoPlaces(db: Db, now: Date): Promise<void> {
  const asOf = now.toISOString().slice(0, 10);
  for (const place of PLACES) {
    const [lon, lat, radiusM] = place.at;
    const id = await seedPlace(db, now, `demo:${place.key}`, {
      kind: place.kind,
      names: { kk: place.names.kk + DEMO, ru: place.names.ru + DEMO, en: place.names.en + ' (demo)' },
      outline: { type: 'Circle', centre: [lon, lat], radiusM },
      visitors: place.visitors ? { hoursPerMonth: place.visitors, source: VISITOR_SOURCE, asOf } : null,
    });
    if (!id) continue; // seeded before, or outside the demo's geography
    for (const [i, stars] of place.stars.entries()) {
      const text = i % 2 === 0 ? REVIEW_TEXTS[(i / 2) % REVIEW_TEXTS.length]! : null;
      await store.insertReview(db, {
        place_id: id,
        stars,
        text: text?.text ?? null,
        display_name: null,
        text_hash: null,
        language: text?.language ?? 'ru',
        flags: [],
        state: 'approved',
        received_at: new Date(now.getTime() - (i + 1) * 5 * 86_400_000),
      });
    }
  }
  // Worked out now, so that the first visitor does not wait for a year of incidents to be read.
  await ensurePlaceCounts(db, await store.places(db, {}));
}

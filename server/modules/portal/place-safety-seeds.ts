import { createRequire } from 'node:module';
import { seedPlace } from './place-safety-admin.js';
import { ensurePlaceCounts, type CountDeps } from './place-safety-counts.js';
import type { PlaceWrite } from './place-safety-schema.js';
import * as store from './place-safety-store.js';

/** A demo place: a circle (the demo's outlines are circles), the stars of its demo reviews and, for those that count them, visitors. */
interface DemoPlace {
  key: string;
  kind: PlaceWrite['kind'];
  names: PlaceWrite['names'];
  centre: [number, number];
  radiusM: number;
  /** Malls, stations and venues count their visitors; parks and markets mostly do not. */
  visitorHoursPerMonth?: number;
  stars: number[];
}

const DEMO = ' (демо)';

// Real places of Almaty, Astana and Shymkent at about their real positions and sizes; visitor
// figures and reviews are invented, and every name says so.
const PLACES = createRequire(import.meta.url)('./place-safety-demo-places.json') as DemoPlace[];

const REVIEW_TEXTS: { text: string; language: 'kk' | 'ru' | 'en' }[] = [
  { text: 'Кешке дейін жарық, патруль жиі өтеді.', language: 'kk' },
  { text: 'Вечером людно, но спокойно; охрана на входе.', language: 'ru' },
  { text: 'Well lit and busy until late; I felt safe with children.', language: 'en' },
  { text: 'Сумки лучше держать при себе: в толпе бывают карманники.', language: 'ru' },
];

const VISITOR_SOURCE = 'Демо: оператор объекта / demo: the operator’s count';

/** The demo's rated places with a few reviews each, and their counts over the published months. Idempotent. */
export async function seedDemoPlaces(deps: CountDeps, now: Date): Promise<void> {
  const { db } = deps;
  const asOf = now.toISOString().slice(0, 10);
  for (const place of PLACES) {
    const id = await seedPlace(db, now, `demo:${place.key}`, {
      kind: place.kind,
      names: { kk: place.names.kk + DEMO, ru: place.names.ru + DEMO, en: place.names.en + ' (demo)' },
      outline: { type: 'Circle', centre: place.centre, radiusM: place.radiusM },
      visitors: place.visitorHoursPerMonth ? { hoursPerMonth: place.visitorHoursPerMonth, source: VISITOR_SOURCE, asOf } : null,
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
  await ensurePlaceCounts(deps, await store.places(db, {}));
}

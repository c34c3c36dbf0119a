import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import { insertCentre } from './crisis-centre-store.js';
import type { CentreRequest } from './schema.js';

// Invented centres: the real registry comes from the akimats; the names say they are demos.
const DEMO_CENTRES: CentreRequest[] = [
  {
    regionId: '750000000',
    name: 'Дағдарыс орталығы «Сенім» (Демо)',
    kind: 'crisis-centre',
    phone: '+7 727 000 00 01',
    bedsTotal: 24,
    acceptsChildren: true,
  },
  {
    regionId: '750000000',
    name: 'Баспана «Қамқор» (Демо)',
    kind: 'shelter',
    phone: '+7 727 000 00 02',
    bedsTotal: 10,
    acceptsChildren: false,
  },
  {
    regionId: '710000000',
    name: 'Дағдарыс орталығы «Жан» (Демо)',
    kind: 'crisis-centre',
    phone: '+7 7172 00 00 03',
    bedsTotal: 18,
    acceptsChildren: true,
  },
  {
    regionId: '790000000',
    name: 'Дағдарыс орталығы «Үміт» (Демо)',
    kind: 'crisis-centre',
    phone: '+7 7252 00 00 04',
    bedsTotal: 12,
    acceptsChildren: true,
  },
];

/** Demo crisis centres in Almaty, Astana and Shymkent; does nothing once any centre exists. */
export async function seedPrevention(db: Kysely<Tables>, now: Date): Promise<number> {
  const existing = await db.selectFrom('crisis_centres').select('id').limit(1).executeTakeFirst();
  if (existing) return 0;
  await db.transaction().execute(async (trx) => {
    for (const centre of DEMO_CENTRES) await insertCentre(trx, centre, now);
  });
  return DEMO_CENTRES.length;
}

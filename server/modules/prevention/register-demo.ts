import type { RegisterEntryRequest } from '../../../common/schemas/registers.js';
import { demoActor } from '../identity/index.js';
import { samplePoints } from '../geo/index.js';
import type { PreventionDeps } from './deps.js';
import { callerToday } from './register-access.js';
import { createEntry } from './register-entries.js';
import { addDays } from './register-terms.js';
import { planContact } from './register-visits.js';
import type { Caller } from './scope.js';

async function demoOfficer(deps: PreventionDeps): Promise<Caller | undefined> {
  const user = await demoActor(deps.db, 'officer.almaty');
  return user && { ip: '127.0.0.1', user };
}

/**
 * Demo registers for the demo inspector's beat in Almaty: four invented people, one of each
 * common kind, with a visit due today, one overdue, one planned and a review due today, so the
 * "Today" list and its map have something on them. Made through the module's own services, so
 * every field is encrypted and audited as in real use. Does nothing once any entry exists.
 */
export async function seedDemoRegisters(deps: PreventionDeps): Promise<number> {
  if (await deps.db.selectFrom('prevention_register_entries').select('id').limit(1).executeTakeFirst()) return 0;
  const officer = await demoOfficer(deps);
  const beat = officer?.user.jurisdiction;
  if (!officer || !beat?.districtId || !beat.beatId) return 0;
  const homes = (await samplePoints(deps.db, [{ districtId: beat.districtId, count: 400 }], 2027)).filter(
    (p) => p.beatId === beat.beatId,
  );
  if (homes.length < 4) return 0;
  const today = await callerToday(deps, officer, deps.clock());
  const entry = (i: number, input: Omit<RegisterEntryRequest, 'location' | 'address' | 'decision'>) =>
    createEntry(deps, officer, {
      ...input,
      location: { type: 'Point', coordinates: [homes[i]!.lon, homes[i]!.lat] },
      address: `Ойдан шығарылған көше, ${i + 10} (Демо)`,
      decision: `Шешім № ${i + 1}-Д/${today.slice(0, 4)} (Демо)`,
    });

  const released = await entry(0, {
    kind: 'released-prisoner',
    name: 'Серік Демонов (Демо)',
    phone: '+7 700 000 10 01',
    startDate: addDays(today, -40),
    reviewDate: addDays(today, 40),
    endDate: addDays(today, 300),
  });
  await planContact(deps, officer, released.id, { kind: 'home-visit', dueDate: today });
  const juvenile = await entry(1, {
    kind: 'juvenile',
    name: 'Ерлан Ойдантегі (Демо)',
    startDate: addDays(today, -20),
    reviewDate: addDays(today, 60),
    endDate: addDays(today, 200),
    partnerAgency: 'education',
  });
  await planContact(deps, officer, juvenile.id, { kind: 'home-visit', dueDate: addDays(today, -2) });
  await entry(2, {
    kind: 'alcohol-treatment',
    name: 'Болат Мысалов (Демо)',
    startDate: addDays(today, -80),
    reviewDate: today,
    endDate: addDays(today, 200),
  });
  const family = await entry(3, {
    kind: 'family-in-difficulty',
    name: 'Үлгіевтер отбасы (Демо)',
    startDate: addDays(today, -10),
    reviewDate: addDays(today, 70),
    endDate: addDays(today, 300),
    partnerAgency: 'crisis-centre',
  });
  await planContact(deps, officer, family.id, { kind: 'partner-meeting', dueDate: addDays(today, 5) });
  return 4;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAll } from '../audit/index.js';
import { buildTestApp, createStaff, type TestApp } from '../../test/app.js';
import { validReport } from './report-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

describe('EIDO export', () => {
  it('gives a neighbouring system the incident, its location and its public notes, and nothing about the reporter', async () => {
    const report = validReport({ reporter: { name: 'Әлия Сейітова', phone: '+7 701 555 0101' } });
    const filed = await t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: report });
    const { id } = filed.json() as { id: string };
    const operator = await createStaff(t, ['operator'], { level: 'region', regionId: '750000000' });

    const response = await t.app.inject({ url: `/api/v1/incidents/${id}/eido`, headers: { cookie: operator.cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/emergency.eido+json');
    const eido = response.json();
    expect(eido.incidentComponent).toMatchObject({
      incidentTrackingIdentifier: `urn:emergency:uid:incidentid:${id}:aman.kz`,
      incidentStatusCommonRegistryText: ['Received'],
      incidentTypeLocalText: ['other-theft'],
      incidentSourceLocalText: 'web',
    });
    const [location] = eido.locationComponent;
    expect(eido.incidentComponent.locationReference).toEqual([location.$id]);
    // GML in EPSG:4326 is latitude first, unlike GeoJSON.
    expect(location.locationByValue).toContain('<gml:pos>43.2383 76.9458</gml:pos>');
    expect(eido.notesComponent.map((n: { noteText: string }) => n.noteText)).toEqual(['Report received']);
    expect(eido.incidentComponent.notesReference).toEqual(eido.notesComponent.map((n: { $id: string }) => n.$id));

    const text = response.body;
    // The phone's digits as a run that no id or timestamp in the export could hold by chance ('555'
    // alone turned up inside a millisecond timestamp).
    for (const secret of ['Әлия', '5550101', '555 0101', String(report.description), 'triage'])
      expect(text).not.toContain(secret);

    await sealAll(t.database.db, t.keys.auditKey);
    const exports = await t.database.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'incident.export')
      .where('target_id', '=', id)
      .execute();
    expect(exports).toEqual([{ actor_id: operator.id }]);
  });
});

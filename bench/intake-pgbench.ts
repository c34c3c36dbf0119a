// The database's own limit for what one citizen report writes: pgbench runs the very statement
// the server runs (built by `reportsStatement` for one report, literals inlined: the claim of the
// key, the incident, its timeline entry, the audit entry and the outbox event), one report a
// transaction, with as many clients as the HTTP run. Fresh ids, codes and keys per transaction
// come from pgbench variables.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Tables } from '../server/db/tables.js';
import { REPORT_SCOPE, reportsStatement } from '../server/modules/incidents/index.js';
import { createFieldCrypto } from '../server/secrets/field-crypto.js';

const ID = '00000000-0000-4000-8000-000000000001';
const CODE = 'ZZZZZZZZZZ';
const KEY = 'pgbench-key-placeholder';

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = value instanceof Date ? value.toISOString() : String(value);
  return `'${text.replaceAll("'", "''")}'`;
}

/** A report like the benchmark's, with placeholders pgbench replaces per transaction. */
function statementText(db: Kysely<Tables>): string {
  const now = new Date();
  const place = { regionId: '750000000', districtId: 'placeholder-district', beatId: 'placeholder-beat', h3: '892a100d2c3ffff' };
  const answer = { status: 201, body: { id: ID, trackingCode: CODE, status: 'new' } };
  const compiled = reportsStatement(
    [
      {
        id: ID,
        row: {
          ...place,
          trackingCode: CODE,
          lon: 76.9,
          lat: 43.24,
          category: 'other-theft',
          priority: 3,
          // Sealed as the server seals it, so the statement carries a ciphertext of the real length.
          descriptionEnc: createFieldCrypto(crypto.randomBytes(32)).encrypt('Bench report: a bicycle taken from the yard'),
          occurredAt: now,
          reportedAt: now,
          anonymous: false,
          source: 'web',
          reporterNameEnc: null,
          reporterPhoneEnc: null,
          reporterPhoneHash: null,
          reporterEmailEnc: null,
        },
        first: { status: 'new', internalNoteEnc: null, systemNotes: [{ kind: 'triage', reasons: ['category:theft:P3'] }] },
        media: [],
        audit: {
          action: 'incident.report',
          outcome: 'success',
          actor: { kind: 'anonymous', id: null },
          target: { type: 'incident', id: ID },
          regionId: place.regionId,
          ip: '127.0.0.1',
          details: { source: 'web', category: 'other-theft', priority: 3, media: [] },
          occurredAt: now,
        },
        event: {
          type: 'incident.created',
          ...place,
          payload: { incidentId: ID, category: 'other-theft', priority: 3, status: 'new', source: 'web' },
        },
        key: { scope: REPORT_SCOPE, key: KEY, hash: 'f'.repeat(64), answer },
      },
    ],
    '5s',
  ).compile(db);
  let text = compiled.sql;
  // From the last parameter down, so $1 does not eat the start of $12.
  for (let i = compiled.parameters.length; i >= 1; i--) text = text.replaceAll(`$${i}`, literal(compiled.parameters[i - 1]));
  return text.replaceAll(ID, '00000000-0000-4000-8000-:r').replaceAll(CODE, ':c').replaceAll(KEY, 'pgbench-:r');
}

/** Transactions per second pgbench reaches with the report's statement, `clients` at once, `seconds` long. */
export function pgbenchReportRate(
  db: Kysely<Tables>,
  databaseUrl: string,
  districtId: string,
  beatId: string,
  seconds: number,
  clients: number,
): number {
  const script = [
    '\\set r random(100000000000, 999999999999)',
    '\\set c random(1000000000, 9999999999)',
    statementText(db).replaceAll('placeholder-district', districtId).replaceAll('placeholder-beat', beatId).replace(/\s+/g, ' ') +
      ';',
  ].join('\n');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aman-pgbench-')), 'report.sql');
  fs.writeFileSync(file, script);
  const output = execFileSync(
    'pgbench',
    ['-n', '-c', String(clients), '-j', '2', '-T', String(seconds), '-f', file, databaseUrl],
    {
      encoding: 'utf8',
    },
  );
  const tps = /tps = ([\d.]+)/.exec(output);
  if (!tps) throw new Error(`pgbench gave no rate:\n${output}`);
  return Number(tps[1]);
}

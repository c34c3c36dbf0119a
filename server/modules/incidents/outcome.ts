import { Type } from '@sinclair/typebox';
import { sql, type Kysely } from 'kysely';
import { categoryByCode } from '../../../common/categories.js';
import {
  INVESTIGATION_OUTCOMES,
  type InvestigationOutcome,
  type RecordedOutcome,
} from '../../../common/investigation-outcomes.js';
import { KAZAKHSTAN_ZONE } from '../../../common/time.js';
import { localDay } from '../../../common/register-terms.js';
import type { Tables } from '../../db/tables.js';
import { AppError } from '../../http/errors.js';
import { noteStaffRecord } from './incident-note.js';
import { findIncidentInScope, type Operator } from './lifecycle.js';

const Code = Type.Union(INVESTIGATION_OUTCOMES.map((code) => Type.Literal(code)));
const Day = Type.String({ format: 'date', examples: ['2026-10-01'] });

/** Both or neither: an outcome is a decision taken on a day. */
export const OutcomeBody = Type.Object(
  {
    outcome: Type.Union([Code, Type.Null()], {
      description: 'how the investigation ended; null with decidedOn null: not decided',
    }),
    decidedOn: Type.Union([Day, Type.Null()], { description: 'the day of the decision in Kazakhstan, not in the future' }),
  },
  { additionalProperties: false },
);

/** Staff only, never on a public or citizen route. */
export const OutcomeView = Type.Union([Type.Object({ code: Code, decidedOn: Day }), Type.Null()]);

/** The columns to select, for whoever presents an incident's outcome. */
export const OUTCOME_COLUMNS = [
  'investigation_outcome',
  sql<string | null>`outcome_decided_on::text`.as('outcome_decided_on'),
] as const;

export function presentOutcome(row: {
  investigation_outcome: InvestigationOutcome | null;
  outcome_decided_on: string | null;
}): RecordedOutcome | null {
  return row.investigation_outcome && row.outcome_decided_on
    ? { code: row.investigation_outcome, decidedOn: row.outcome_decided_on }
    : null;
}

/** What the body asks for, or a 400 when it is half an outcome or decided on a day still to come. */
function requestedOutcome(
  body: { outcome: InvestigationOutcome | null; decidedOn: string | null },
  today: string,
): RecordedOutcome | null {
  if (body.outcome === null && body.decidedOn === null) return null;
  if (body.outcome === null || body.decidedOn === null) throw new AppError('incident.outcome_incomplete');
  if (body.decidedOn > today) throw new AppError('incident.outcome_in_future');
  return { code: body.outcome, decidedOn: body.decidedOn };
}

/**
 * Records how a crime's investigation ended, or clears it (both null), replacing what was there.
 * Crime categories only; any status but merged (the outcome belongs on the incident it joined)
 * and cancelled (it counts nowhere). The timeline says an outcome was recorded; the audit keeps
 * the code and the day, so a clearance rate can be traced to who recorded it.
 */
export async function recordOutcome(
  deps: { db: Kysely<Tables>; clock: () => Date },
  operator: Operator,
  id: string,
  body: { outcome: InvestigationOutcome | null; decidedOn: string | null },
): Promise<void> {
  const at = deps.clock();
  const requested = requestedOutcome(body, localDay(at, KAZAKHSTAN_ZONE));
  const incident = await findIncidentInScope(deps.db, operator.jurisdiction, id);
  if (!incident) throw new AppError('incident.not_found');
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('incidents')
      .select(['status', 'merged_into', 'category', 'occurred_at', ...OUTCOME_COLUMNS])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (row.status === 'merged') throw new AppError('incident.outcome_merged', { mergedInto: row.merged_into });
    if (row.status === 'cancelled') throw new AppError('incident.outcome_cancelled');
    if (requested && categoryByCode(row.category)?.group !== 'crime') throw new AppError('incident.outcome_not_a_crime');
    if (requested && requested.decidedOn < localDay(row.occurred_at, KAZAKHSTAN_ZONE)) {
      throw new AppError('incident.outcome_before_occurred');
    }
    const before = presentOutcome(row);
    if (before?.code === requested?.code && before?.decidedOn === requested?.decidedOn) return;
    await trx
      .updateTable('incidents')
      .set({ investigation_outcome: requested?.code ?? null, outcome_decided_on: requested?.decidedOn ?? null })
      .where('id', '=', id)
      .execute();
    await noteStaffRecord(trx, {
      operator,
      incident,
      at,
      status: row.status,
      note: { kind: 'outcome' },
      action: 'incident.outcome',
      details: { outcome: requested?.code ?? null, decidedOn: requested?.decidedOn ?? null },
    });
  });
}

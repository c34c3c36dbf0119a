import { Type, type TLiteral, type TNull, type TUnion } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import {
  AGE_BANDS,
  CIRCUMSTANCE_FIELDS,
  INTOXICATIONS,
  PLACE_TYPES,
  VICTIM_SEXES,
  type CircumstanceField,
  type IncidentCircumstances,
} from '../../../common/incident-circumstances.js';
import type { Tables } from '../../db/tables.js';
import { AppError } from '../../http/errors.js';
import { noteStaffRecord } from './incident-note.js';
import { findIncidentInScope, type Operator } from './lifecycle.js';

function valueOrNull<V extends string>(values: readonly V[], description: string): TUnion<[...TLiteral<V>[], TNull]> {
  return Type.Union([...values.map((v) => Type.Literal(v)), Type.Null()], { description });
}

/** Every field must be sent: null is "not recorded", so leaving one out cannot mean "keep it". */
export const CircumstancesBody = Type.Object(
  {
    victimSex: valueOrNull(VICTIM_SEXES, 'the victim’s sex; null: not recorded'),
    victimAgeBand: valueOrNull(AGE_BANDS, 'the victim’s age band; null: not recorded'),
    offenderAgeBand: valueOrNull(AGE_BANDS, 'the suspected offender’s age band; null: not recorded'),
    offenderIntoxication: valueOrNull(INTOXICATIONS, 'whether the suspect was under the influence; null: not recorded'),
    placeType: valueOrNull(PLACE_TYPES, 'the kind of place; null: not recorded'),
  },
  { additionalProperties: false },
);

/** The same shape in answers: staff only, never on a public or citizen route. */
export const CircumstancesView = CircumstancesBody;

/** Where each circumstance is kept on `incidents`. */
export const CIRCUMSTANCE_COLUMN = {
  victimSex: 'victim_sex',
  victimAgeBand: 'victim_age_band',
  offenderAgeBand: 'offender_age_band',
  offenderIntoxication: 'offender_intoxication',
  placeType: 'place_type',
} as const satisfies Record<CircumstanceField, keyof Tables['incidents']>;

type CircumstanceColumns = { [F in CircumstanceField as (typeof CIRCUMSTANCE_COLUMN)[F]]: IncidentCircumstances[F] };

/** The columns to select, for whoever presents an incident's circumstances. */
export const CIRCUMSTANCE_COLUMNS = Object.values(CIRCUMSTANCE_COLUMN);

export function presentCircumstances(row: CircumstanceColumns): IncidentCircumstances {
  return {
    victimSex: row.victim_sex,
    victimAgeBand: row.victim_age_band,
    offenderAgeBand: row.offender_age_band,
    offenderIntoxication: row.offender_intoxication,
    placeType: row.place_type,
  };
}

function toColumns(circumstances: IncidentCircumstances): CircumstanceColumns {
  return {
    victim_sex: circumstances.victimSex,
    victim_age_band: circumstances.victimAgeBand,
    offender_age_band: circumstances.offenderAgeBand,
    offender_intoxication: circumstances.offenderIntoxication,
    place_type: circumstances.placeType,
  };
}

/**
 * Records what is known of an incident's victim, suspect and place, replacing what was there.
 * Any status but merged (the circumstances belong on the incident it was merged into) and
 * cancelled (a cancelled report counts nowhere); a closed incident takes them, as they are often
 * known only after. The timeline and the audit name the fields changed, not their values.
 */
export async function recordCircumstances(
  deps: { db: Kysely<Tables>; clock: () => Date },
  operator: Operator,
  id: string,
  circumstances: IncidentCircumstances,
): Promise<void> {
  const incident = await findIncidentInScope(deps.db, operator.jurisdiction, id);
  if (!incident) throw new AppError('incident.not_found');
  const at = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('incidents')
      .select(['status', 'merged_into', 'circumstances_recorded_at', ...CIRCUMSTANCE_COLUMNS])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (row.status === 'merged') throw new AppError('incident.circumstances_merged', { mergedInto: row.merged_into });
    if (row.status === 'cancelled') throw new AppError('incident.circumstances_cancelled');
    const before = presentCircumstances(row);
    const fields = CIRCUMSTANCE_FIELDS.filter((field) => before[field] !== circumstances[field]);
    if (fields.length === 0) return;
    await trx
      .updateTable('incidents')
      .set({ ...toColumns(circumstances), circumstances_recorded_at: row.circumstances_recorded_at ?? at })
      .where('id', '=', id)
      .execute();
    await noteStaffRecord(trx, {
      operator,
      incident,
      at,
      status: row.status,
      note: { kind: 'circumstances', fields },
      action: 'incident.circumstances',
      details: { fields },
    });
  });
}

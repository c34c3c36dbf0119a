import { latestClose } from './case-closing-store.js';
import type { CaseClosingView } from './case-closing-schema.js';
import type { CaseRow } from './case-store.js';
import type { PreventionDeps } from './deps.js';

const DAY_MS = 86_400_000;

/** The last moment a closed case may be reopened: retention then takes its personal data. */
export function reopenDeadline(closedAt: Date, retentionDays: number): Date {
  return new Date(closedAt.getTime() + retentionDays * DAY_MS);
}

/** The close in effect on a closed case, decrypted for a reader the case-access rules let in. */
export async function presentClosing(deps: PreventionDeps, row: CaseRow): Promise<CaseClosingView | null> {
  if (row.status !== 'closed' || row.closed_at === null) return null;
  const close = await latestClose(deps.db, row.id);
  const open = (sealed: string | null | undefined) => (sealed ? deps.fieldCrypto.decrypt(sealed) : null);
  return {
    closedAt: row.closed_at.toISOString(),
    outcome: close?.outcome ?? null,
    outcomeNote: open(close?.outcome_note_enc),
    reason: open(close?.reason_enc),
    reopenableUntil: row.anonymised_at === null ? reopenDeadline(row.closed_at, deps.retentionDays).toISOString() : null,
  };
}

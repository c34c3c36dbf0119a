import {
  DV_RISK_INSTRUMENT,
  higherGrade,
  instrumentVersion,
  isLowerGrade,
  scoreGrade,
} from '../../../common/risk-instruments.js';
import { AppError } from '../../http/errors.js';
import { appendTimeline, insertAssessment, listAssessments, updateCase, type AssessmentRow } from './case-store.js';
import { accessCase } from './case-access.js';
import { auditStaff, type PreventionDeps } from './deps.js';
import { checkReferral } from './referrals.js';
import type { AssessmentRequest, AssessmentView } from './schema.js';
import type { Caller } from './scope.js';
import type { StoredAnswer } from './tables.js';
import { writeOpenCase } from './case-write.js';

/** Every question of the current instrument answered exactly once, in the instrument's order. */
function completeAnswers(answers: AssessmentRequest['answers']): StoredAnswer[] {
  const byQuestion = new Map(answers.map((a) => [a.question, a]));
  const known = new Set(DV_RISK_INSTRUMENT.questions.map((q) => q.id));
  const missing = [...known].filter((id) => !byQuestion.has(id));
  const unknown = answers.map((a) => a.question).filter((id) => !known.has(id));
  if (missing.length > 0 || unknown.length > 0 || byQuestion.size !== answers.length) {
    throw new AppError('prevention.assessment_incomplete', { missing, unknown });
  }
  return DV_RISK_INSTRUMENT.questions.map((q) => {
    const a = byQuestion.get(q.id)!;
    return { question: q.id, answer: a.answer, source: a.source };
  });
}

/**
 * Scores answers with the current instrument and applies the officer's judgement, which may
 * raise the grade — with a written rationale — but never lower it.
 */
export function gradeAssessment(input: Pick<AssessmentRequest, 'answers' | 'judgementGrade' | 'rationale'>) {
  const answers = completeAnswers(input.answers);
  const yesCount = answers.filter((a) => a.answer === 'yes').length;
  const score = scoreGrade(DV_RISK_INSTRUMENT, yesCount);
  const judgement = input.judgementGrade ?? score;
  if (isLowerGrade(judgement, score)) throw new AppError('prevention.judgement_cannot_lower', { score, judgement });
  const raised = isLowerGrade(score, judgement);
  if (raised && !input.rationale) throw new AppError('prevention.rationale_required');
  return { answers, yesCount, score, final: higherGrade(score, judgement), raised };
}

function presentAssessment(row: AssessmentRow): Omit<AssessmentView, 'referral'> {
  return {
    id: row.id,
    instrumentVersion: row.instrument_version,
    yesCount: row.yes_count,
    scoreGrade: row.score_grade,
    finalGrade: row.final_grade,
    raisedByJudgement: row.final_grade !== row.score_grade,
    reason: row.reason,
    assessedAt: row.assessed_at.toISOString(),
  };
}

/** Records a (re)assessment; the case takes its grade, and a high one refers the case. */
export async function assessRisk(
  deps: PreventionDeps,
  caller: Caller,
  caseId: string,
  input: AssessmentRequest,
): Promise<AssessmentView> {
  const { row } = await accessCase(deps, caller, caseId);
  const graded = gradeAssessment(input);
  const now = deps.clock();
  return writeOpenCase(deps.db, row.id, async (trx) => {
    const stored = await insertAssessment(trx, {
      caseId: row.id,
      regionId: row.region_id,
      instrumentVersion: instrumentVersion(DV_RISK_INSTRUMENT),
      answers: graded.answers,
      yesCount: graded.yesCount,
      scoreGrade: graded.score,
      finalGrade: graded.final,
      rationaleEnc: graded.raised && input.rationale ? deps.fieldCrypto.encrypt(input.rationale) : null,
      reason: input.reason,
      incidentId: input.incidentId ?? null,
      assessedBy: caller.user.userId,
      now,
    });
    await updateCase(trx, row.id, { riskGrade: graded.final, needsReassessment: false, now });
    const details = { assessmentId: stored.id, yesCount: graded.yesCount, grade: graded.final, raised: graded.raised };
    await appendTimeline(trx, {
      caseId: row.id,
      regionId: row.region_id,
      at: now,
      kind: 'risk.assessed',
      actorId: caller.user.userId,
      details,
    });
    await auditStaff(trx, caller, {
      action: 'prevention.risk.assess',
      target: { type: 'dv_case', id: row.id },
      regionId: row.region_id,
      details,
      at: now,
    });
    return { ...presentAssessment(stored), referral: await checkReferral(trx, caller, row, now) };
  });
}

/** The case's assessments oldest first: the trend of its risk. */
export async function riskTrend(deps: PreventionDeps, caller: Caller, caseId: string) {
  const { row } = await accessCase(deps, caller, caseId);
  const rows = await listAssessments(deps.db, row.id);
  await auditStaff(deps.db, caller, {
    action: 'prevention.risk.read',
    target: { type: 'dv_case', id: row.id },
    regionId: row.region_id,
    at: deps.clock(),
  });
  return { caseId: row.id, points: rows.map(presentAssessment) };
}

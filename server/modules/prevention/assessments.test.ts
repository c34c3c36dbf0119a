import { describe, expect, it } from 'vitest';
import { DV_RISK_INSTRUMENT, instrumentVersion } from '../../../common/risk-instruments.js';
import { AppError } from '../../http/errors.js';
import { gradeAssessment } from './assessments.js';
import { answers } from '../../test/prevention-fixtures.js';

const grade = (input: Parameters<typeof gradeAssessment>[0]) => gradeAssessment(input);
const code = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return (error as AppError).code;
  }
  return 'no error';
};
const typed = (yes: number, rest: 'no' | 'unknown' = 'no') =>
  answers(yes, rest) as Parameters<typeof gradeAssessment>[0]['answers'];

describe('the risk instrument', () => {
  it('asks 27 distinct questions, each in Kazakh, Russian and English', () => {
    const ids = DV_RISK_INSTRUMENT.questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(27);
    for (const q of DV_RISK_INSTRUMENT.questions) {
      for (const text of Object.values(q.text)) expect(text.trim().length).toBeGreaterThan(10);
    }
    expect(instrumentVersion(DV_RISK_INSTRUMENT)).toBe('aman-dv-risk@1');
  });
});

describe('scoring a risk assessment', () => {
  it.each([
    [9, 'standard'],
    [10, 'medium'],
    [13, 'medium'],
    [14, 'high'],
    [27, 'high'],
  ])('grades %i "yes" answers as %s', (yes, expected) => {
    expect(grade({ answers: typed(yes) }).final).toBe(expected);
  });

  it('does not count "unknown" as "yes"', () => {
    const result = grade({ answers: typed(13, 'unknown') });
    expect(result.yesCount).toBe(13);
    expect(result.final).toBe('medium');
  });

  it('lets professional judgement raise the grade, with a rationale', () => {
    const result = grade({
      answers: typed(13),
      judgementGrade: 'high',
      rationale: 'Strangled last week; she fears for her life',
    });
    expect(result).toMatchObject({ score: 'medium', final: 'high', raised: true });
  });

  it('refuses a raised grade without a rationale', () => {
    expect(code(() => grade({ answers: typed(2), judgementGrade: 'medium' }))).toBe('prevention.rationale_required');
  });

  it('never lets judgement lower the grade, even with a rationale', () => {
    expect(code(() => grade({ answers: typed(14), judgementGrade: 'medium', rationale: 'She says it is fine now' }))).toBe(
      'prevention.judgement_cannot_lower',
    );
  });

  it('refuses a questionnaire with a question missing, unknown or answered twice', () => {
    const all = typed(0);
    expect(code(() => grade({ answers: all.slice(1) }))).toBe('prevention.assessment_incomplete');
    expect(code(() => grade({ answers: [...all, { question: 'made-up', answer: 'yes', source: 'victim' }] }))).toBe(
      'prevention.assessment_incomplete',
    );
    expect(code(() => grade({ answers: [...all, all[0]!] }))).toBe('prevention.assessment_incomplete');
  });
});

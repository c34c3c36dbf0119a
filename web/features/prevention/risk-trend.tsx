import { useTranslation } from 'react-i18next';
import { DV_RISK_INSTRUMENT } from '../../../common/risk-instruments.js';
import type { Language } from '../../../common/roles.js';
import { formatDateTime } from '../../src/intl-format.js';
import { GradeTag } from './grade-tag.js';
import type { AssessmentPoint } from './prevention-api.js';

const WIDTH = 320;
const HEIGHT = 120;
const PAD = 12;

/**
 * The case's risk over time: a small line of "yes" counts with the high and medium thresholds,
 * and the same figures in a table (the table is what a screen reader reads).
 */
export function RiskTrend({ points }: { points: AssessmentPoint[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const max = DV_RISK_INSTRUMENT.questions.length;
  const x = (i: number) => (points.length === 1 ? WIDTH / 2 : PAD + (i * (WIDTH - 2 * PAD)) / (points.length - 1));
  const y = (yes: number) => HEIGHT - PAD - (yes * (HEIGHT - 2 * PAD)) / max;
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <>
      {first && last && points.length > 1 ? (
        <svg
          className="risk-trend"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-label={t('prevention.trend.chart', {
            count: points.length,
            first: formatDateTime(first.assessedAt, language),
            last: formatDateTime(last.assessedAt, language),
          })}
        >
          {(['high', 'medium'] as const).map((grade) => (
            <line
              key={grade}
              x1={0}
              x2={WIDTH}
              y1={y(DV_RISK_INSTRUMENT.thresholds[grade])}
              y2={y(DV_RISK_INSTRUMENT.thresholds[grade])}
              className={`risk-trend__threshold risk-trend__threshold--${grade}`}
            />
          ))}
          <polyline className="risk-trend__line" points={points.map((p, i) => `${x(i)},${y(p.yesCount)}`).join(' ')} />
          {points.map((p, i) => (
            <circle key={p.id} cx={x(i)} cy={y(p.yesCount)} r={4} className="risk-trend__point" />
          ))}
        </svg>
      ) : null}
      <table className="table">
        <caption className="table__caption">{t('prevention.trend.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('prevention.trend.date')}</th>
            <th scope="col" className="risk-trend__count">
              {t('prevention.trend.yes')}
            </th>
            <th scope="col">{t('prevention.trend.grade')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.id}>
              <td>{formatDateTime(p.assessedAt, language)}</td>
              <td className="table__numeric">{p.yesCount}</td>
              <td>
                <GradeTag grade={p.finalGrade} />
                {p.raisedByJudgement ? <span className="prevention-flag">{t('prevention.trend.raised')}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

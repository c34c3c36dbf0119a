import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { formatDateTime } from '../../src/intl-format.js';
import type { Forecast } from './analytics-api.js';
import { formatRounded } from './number-format.js';
import { ScrollTable } from './scroll-table.js';

type Evaluation = Forecast['evaluation'];
const SHARE = '0.05';

/**
 * The back-test beside the forecast: every model's hit rate, PAI and PEI* over the periods just
 * before, and in plain words whether the self-exciting model beat the best simple baseline.
 */
export function ForecastEvaluation({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const percent = (value: number | null | undefined) => (value == null ? '–' : `${formatRounded(value * 100, language)}%`);
  const ratio = (value: number | null | undefined) => (value == null ? '–' : formatRounded(value, language, 2));
  return (
    <section aria-labelledby="forecast-evaluation-title" className="analytics-forecast__evaluation">
      <h3 id="forecast-evaluation-title">{t('analytics.forecast.evaluationTitle')}</h3>
      <p>
        {t('analytics.forecast.evaluationIntro', {
          periods: evaluation.periods,
          from: formatDateTime(evaluation.from, language),
          to: formatDateTime(evaluation.to, language),
          crimes: evaluation.crimes,
        })}
      </p>
      <p className="analytics-forecast__verdict">{verdict(evaluation, t, percent)}</p>
      <ScrollTable label={t('analytics.forecast.evaluationCaption')}>
        <table className="table">
          <caption className="table__caption">{t('analytics.forecast.evaluationCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('analytics.forecast.model')}</th>
              <th scope="col">{t('analytics.forecast.hitRate', { share: '1%' })}</th>
              <th scope="col">{t('analytics.forecast.hitRate', { share: '5%' })}</th>
              <th scope="col">{t('analytics.forecast.pai', { share: '1%' })}</th>
              <th scope="col">{t('analytics.forecast.pai', { share: '5%' })}</th>
              <th scope="col">{t('analytics.forecast.peiStar', { share: '5%' })}</th>
            </tr>
          </thead>
          <tbody>
            {evaluation.models.map((m) => (
              <tr key={m.name}>
                <th scope="row">{t(`analytics.forecast.models.${m.name}`)}</th>
                <td>{percent(m.hitRate['0.01'])}</td>
                <td>{percent(m.hitRate[SHARE])}</td>
                <td>{ratio(m.pai['0.01'])}</td>
                <td>{ratio(m.pai[SHARE])}</td>
                <td>{ratio(m.peiStar[SHARE])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <dl className="analytics-method">
        <dt>{t('analytics.forecast.termHitRate')}</dt>
        <dd>{t('analytics.forecast.defineHitRate')}</dd>
        <dt>{t('analytics.forecast.termPai')}</dt>
        <dd>{t('analytics.forecast.definePai')}</dd>
        <dt>{t('analytics.forecast.termPei')}</dt>
        <dd>{t('analytics.forecast.definePei')}</dd>
      </dl>
    </section>
  );
}

function verdict(
  evaluation: Evaluation,
  t: (key: string, options?: Record<string, unknown>) => string,
  percent: (value: number | null | undefined) => string,
): string {
  const etas = evaluation.models.find((m) => m.name === 'etas')?.hitRate[SHARE] ?? null;
  const baselines = evaluation.models
    .filter((m) => m.name !== 'etas' && m.hitRate[SHARE] != null)
    .sort((a, b) => b.hitRate[SHARE]! - a.hitRate[SHARE]!);
  const best = baselines[0];
  if (etas === null || !best) return t('analytics.forecast.verdictNone');
  const values = {
    model: percent(etas),
    baseline: t(`analytics.forecast.models.${best.name}`),
    baselineRate: percent(best.hitRate[SHARE]),
  };
  return t(etas > best.hitRate[SHARE]! ? 'analytics.forecast.verdictBetter' : 'analytics.forecast.verdictWorse', values);
}

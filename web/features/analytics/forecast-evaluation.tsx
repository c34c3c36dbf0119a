import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { formatDateTime } from '../../src/intl-format.js';
import type { Forecast } from './analytics-api.js';
import { formatRounded } from './number-format.js';
import { ScrollTable } from './scroll-table.js';

type Evaluation = Forecast['evaluation'];
type Percent = (value: number | null | undefined) => string;

/**
 * The back-test beside the forecast: every model's hit rate, PAI and PEI* at the chosen share of
 * the area over the periods just before, and in plain words whether the self-exciting model beat
 * the best simple baseline there.
 */
export function ForecastEvaluation({ evaluation, share }: { evaluation: Evaluation; share: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const percent: Percent = (value) => (value == null ? '–' : `${formatRounded(value * 100, language)}%`);
  const key = String(share);
  const area = `${formatRounded(share * 100, language, 0)}%`;
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
      <p className="analytics-forecast__verdict">{verdict(evaluation, key, area, t, percent)}</p>
      <ScrollTable label={t('analytics.forecast.evaluationCaption', { share: area })}>
        <table className="table">
          <caption className="table__caption">{t('analytics.forecast.evaluationCaption', { share: area })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('analytics.forecast.model')}</th>
              <th scope="col">{t('analytics.forecast.hitRate', { share: area })}</th>
              <th scope="col">{t('analytics.forecast.pai', { share: area })}</th>
              <th scope="col">{t('analytics.forecast.peiStar', { share: area })}</th>
            </tr>
          </thead>
          <tbody>
            {evaluation.models.map((m) => (
              <tr key={m.name}>
                <th scope="row">{t(`analytics.forecast.models.${m.name}`)}</th>
                <td>{percent(m.hitRate[key])}</td>
                <td>{ratio(m.pai[key])}</td>
                <td>{ratio(m.peiStar[key])}</td>
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
  key: string,
  area: string,
  t: (key: string, options?: Record<string, unknown>) => string,
  percent: Percent,
): string {
  const etas = evaluation.models.find((m) => m.name === 'etas')?.hitRate[key] ?? null;
  const baselines = evaluation.models
    .filter((m) => m.name !== 'etas' && m.hitRate[key] != null)
    .sort((a, b) => b.hitRate[key]! - a.hitRate[key]!);
  const best = baselines[0];
  if (etas === null || !best) return t('analytics.forecast.verdictNone');
  const values = {
    share: area,
    model: percent(etas),
    baseline: t(`analytics.forecast.models.${best.name}`),
    baselineRate: percent(best.hitRate[key]),
  };
  return t(etas > best.hitRate[key]! ? 'analytics.forecast.verdictBetter' : 'analytics.forecast.verdictWorse', values);
}

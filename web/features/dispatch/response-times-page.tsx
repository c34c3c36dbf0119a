import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../src/intl-format.js';
import { useLanguage } from '../../src/i18n.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { TextField } from '../../src/ui/text-field.js';
import { useResource } from '../../src/use-resource.js';
import { useNotice } from '../../src/ui/use-notice.js';
import { fetchDistricts } from '../geo/geo-api.js';
import { fetchResponseTimes, type ResponseTimes } from './dispatch-api.js';
import { barWidths, formatDuration } from './durations.js';
import { lastDays, periodOfDays } from './period.js';
import { ResponseTimesTable, type FiguresRow } from './response-times-table.js';

/** District names for the rows, by district id, from the regions the figures come from. */
async function districtNames(figures: ResponseTimes): Promise<Map<string, string>> {
  const regions = [...new Set(figures.byDistrict.map((d) => d.regionId))];
  const lists = await Promise.all(regions.map((regionId) => fetchDistricts(regionId)));
  return new Map(lists.flat().map((d) => [d.id, d.name]));
}

async function loadDashboard(period: { from: string; to: string }, signal: AbortSignal) {
  const figures = await fetchResponseTimes(period, signal);
  return { figures, names: await districtNames(figures) };
}

/** Median time to on scene by priority as plain HTML bars; the table above holds the same figures. */
function OnSceneBars({ figures }: { figures: ResponseTimes }) {
  const { t } = useTranslation();
  const units = { h: t('dispatch.duration.h'), min: t('dispatch.duration.min'), s: t('dispatch.duration.s') };
  const widths = barWidths(figures.byPriority.map((p) => p.toOnScene.medianSeconds));
  if (figures.byPriority.length === 0) return null;
  return (
    <figure className="bar-chart">
      <figcaption className="bar-chart__title">{t('dispatch.times.chartTitle')}</figcaption>
      <ul className="bar-chart__bars">
        {figures.byPriority.map((p, i) => (
          <li key={p.priority} className="bar-chart__row">
            <span className="bar-chart__label">{t('dispatch.times.priorityLabel', { priority: p.priority })}</span>
            <span className="bar-chart__track" aria-hidden="true">
              <span className="bar-chart__bar" style={{ width: `${widths[i] ?? 0}%` }} />
            </span>
            <span className="bar-chart__value">{formatDuration(p.toOnScene.medianSeconds, units, t('dispatch.times.none'))}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** The commander's dashboard: response times of the jurisdiction for a chosen period. */
export function ResponseTimesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [draft, setDraft] = useState(() => lastDays(7));
  const [period, setPeriod] = useState(() => periodOfDays(draft.firstDay, draft.lastDay)!);
  const [draftError, setDraftError] = useNotice();
  const dashboard = useResource((signal) => loadDashboard(period, signal), [period.from, period.to, language]);
  const title = t('dispatch.times.title');

  function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = periodOfDays(draft.firstDay, draft.lastDay);
    if (!chosen) {
      setDraftError({ key: 'dispatch.times.periodInvalid' });
      return;
    }
    setDraftError(null);
    setPeriod(chosen);
  }

  const figures = dashboard.data?.figures;
  const priorityRows: FiguresRow[] =
    figures?.byPriority.map((p) => ({
      ...p,
      key: `p${p.priority}`,
      label: t('dispatch.times.priorityLabel', { priority: p.priority }),
    })) ?? [];
  const districtRows: FiguresRow[] =
    figures?.byDistrict.map((d) => ({
      ...d,
      key: d.districtId ?? 'none',
      label: (d.districtId && dashboard.data?.names.get(d.districtId)) ?? t('dispatch.times.noDistrict'),
    })) ?? [];

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('dispatch.times.intro')}</p>
      <form className="form response-times__period" onSubmit={submit} noValidate>
        <TextField
          id="period-first"
          type="date"
          label={t('dispatch.times.firstDay')}
          value={draft.firstDay}
          error={draftError}
          onChange={(e) => setDraft({ ...draft, firstDay: e.target.value })}
        />
        <TextField
          id="period-last"
          type="date"
          label={t('dispatch.times.lastDay')}
          value={draft.lastDay}
          onChange={(e) => setDraft({ ...draft, lastDay: e.target.value })}
        />
        <button type="submit" className="button">
          {t('dispatch.times.show')}
        </button>
      </form>
      {dashboard.status === 'failed' ? (
        <LoadFailure error={dashboard.error} onRetry={dashboard.reload} />
      ) : dashboard.status === 'loading' || !figures ? (
        <LoadingMessage />
      ) : (
        <section aria-labelledby="response-times-result" aria-live="polite">
          <h2 id="response-times-result">
            {t('dispatch.times.resultTitle', {
              from: formatDateTime(figures.from, language),
              to: formatDateTime(figures.to, language),
            })}
          </h2>
          {figures.overall.incidents === 0 ? (
            <p>{t('dispatch.times.empty')}</p>
          ) : (
            <>
              <ResponseTimesTable
                caption={t('dispatch.times.overallCaption')}
                groupLabel={t('dispatch.times.area')}
                rows={[{ ...figures.overall, key: 'all', label: t('dispatch.times.all') }]}
              />
              <ResponseTimesTable
                caption={t('dispatch.times.byPriority')}
                groupLabel={t('dispatch.times.priority')}
                rows={priorityRows}
              />
              <OnSceneBars figures={figures} />
              <ResponseTimesTable
                caption={t('dispatch.times.byDistrict')}
                groupLabel={t('dispatch.times.district')}
                rows={districtRows}
              />
            </>
          )}
        </section>
      )}
    </>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { useResource } from '../../src/use-resource.js';
import { fetchTimePatterns, type TimePatterns } from './analytics-api.js';
import { formatRounded } from './number-format.js';
import { ALL_CRIME, CategoryPicker, lastMonths } from './period.js';
import { ScrollTable } from './scroll-table.js';

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];

/** Light blue to mid blue: black text stays readable on every shade. */
function shade(count: number, max: number): string {
  const share = max > 0 ? count / max : 0;
  return `hsl(210 70% ${97 - share * 25}%)`;
}

/** When incidents happen: a heat map by local hour and weekday (a table, read cell by cell), the months, seasonality and change-points. */
export function TimePatternsView() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [categories, setCategories] = useState(ALL_CRIME);
  const patterns = useResource((signal) => fetchTimePatterns(lastMonths(categories), signal), [categories, language]);
  return (
    <>
      <p>{t('analytics.timePatterns.intro')}</p>
      <CategoryPicker id="time-categories" value={categories} onChange={setCategories} />
      {patterns.status === 'loading' && <LoadingMessage />}
      {patterns.status === 'failed' && <LoadFailure error={patterns.error} onRetry={patterns.reload} />}
      {patterns.status === 'ready' && <Patterns data={patterns.data} language={language} />}
    </>
  );
}

function Patterns({ data, language }: { data: TimePatterns; language: 'kk' | 'ru' | 'en' }) {
  const { t } = useTranslation();
  const max = Math.max(...data.hourByWeekday.flat());
  return (
    <>
      <h3>{t('analytics.timePatterns.heatTitle')}</h3>
      <ScrollTable label={t('analytics.timePatterns.heatTitle')}>
        <table className="table analytics-heat">
          <caption className="table__caption">
            {t('analytics.timePatterns.heatCaption', { incidents: data.incidents, zones: data.timeZones.join(', ') })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('analytics.timePatterns.hour')}</th>
              {WEEKDAYS.map((d) => (
                <th scope="col" key={d}>
                  {t(`analytics.weekday.${d}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: 24 }, (_, hour) => (
              <tr key={hour}>
                <th scope="row">{String(hour).padStart(2, '0')}</th>
                {WEEKDAYS.map((d) => {
                  const count = data.hourByWeekday[d]![hour]!;
                  return (
                    <td key={d} style={{ background: shade(count, max) }}>
                      {count}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>

      <h3>{t('analytics.timePatterns.changeTitle')}</h3>
      <p>
        {data.changePoints.changes.length === 0
          ? t('analytics.timePatterns.noChange')
          : t('analytics.timePatterns.changes', { months: data.changePoints.changes.join(', ') })}
      </p>
      <p className="analytics-method">{t('analytics.method', { method: data.changePoints.method })}</p>
      <ScrollTable label={t('analytics.timePatterns.monthlyTitle')}>
        <table className="table">
          <caption className="table__caption">{t('analytics.timePatterns.monthlyTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('analytics.timePatterns.month')}</th>
              <th scope="col">{t('analytics.timePatterns.count')}</th>
              <th scope="col">{t('analytics.timePatterns.seasonal')}</th>
              <th scope="col">{t('analytics.timePatterns.level')}</th>
            </tr>
          </thead>
          <tbody>
            {data.months.map((month, i) => {
              const segment = data.changePoints.segments.find((s) => s.from <= month && month <= s.to);
              const seasonal = data.seasonal?.[Number(month.slice(5, 7)) - 1];
              return (
                <tr key={month} className={data.changePoints.changes.includes(month) ? 'analytics-change' : undefined}>
                  <th scope="row">{month}</th>
                  <td>{data.monthly[i]}</td>
                  <td>{seasonal === undefined ? '—' : formatRounded(seasonal, language, 2)}</td>
                  <td>{segment ? formatRounded(segment.mean, language, 0) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}

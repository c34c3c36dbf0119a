import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { formatNumber } from '../../src/intl-format.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { FigureSources, formatFigure, formatFigureChange } from '../../src/ui/report-figures.js';
import { useResource } from '../../src/use-resource.js';
import { fetchReport, reportUrl, type NationalReport, type ReportSection } from './analytics-api.js';
import { YearPicker } from './period.js';
import { ScrollTable } from './scroll-table.js';

const LANGUAGES = ['kk', 'ru', 'en'] as const;

/** The National Report as a page: the compared period, every section's figures, the monthly chart as a table, the sources. */
export function ReportView() {
  const { t } = useTranslation();
  const [year, setYear] = useState(new Date().getUTCFullYear() - 1);
  const report = useResource((signal) => fetchReport(year, signal), [year]);
  return (
    <>
      <p>{t('analytics.report.intro')}</p>
      <YearPicker id="report-year" value={year} onChange={setYear} />
      <ul className="analytics-downloads">
        {LANGUAGES.map((lang) => (
          <li key={lang}>
            <a href={reportUrl(year, 'pdf', lang)} download>
              {t('analytics.report.pdf', { year, language: t(`analytics.report.language.${lang}`) })}
            </a>
          </li>
        ))}
        <li>
          <a href={reportUrl(year, 'json', 'en')}>{t('analytics.report.json', { year })}</a>
        </li>
      </ul>
      <div aria-live="polite">
        {report.status === 'loading' && <LoadingMessage />}
        {report.status === 'failed' && <LoadFailure error={report.error} onRetry={report.reload} />}
        {report.status === 'ready' && <ReportBody report={report.data} />}
      </div>
    </>
  );
}

function ReportBody({ report }: { report: NationalReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <article className="analytics-report">
      <h3>
        {report.title[language]}: {report.area[language]}, {report.year}
      </h3>
      <p className="analytics-report__period">{report.comparison.statement[language]}</p>
      {report.demoData && <p className="notice notice--warning">{t('analytics.demoData')}</p>}
      {report.sections.map((section, i) => (
        <Section key={section.id} section={section} number={i + 1} compared={report.comparison.previousPeriod !== null} />
      ))}
    </article>
  );
}

function Section({ section, number, compared }: { section: ReportSection; number: number; compared: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const title = `${number}. ${section.title[language]}`;
  const counted = compared && section.figures.some((f) => f.previous !== null);
  return (
    <section aria-labelledby={`report-${section.id}`}>
      <h4 id={`report-${section.id}`}>{title}</h4>
      {section.note && <p className="analytics-method">{section.note[language]}</p>}
      {section.figures.length > 0 && (
        <ScrollTable label={title}>
          <table className="table">
            {/* The heading above names the table on screen; the caption names it to a screen reader's table list. */}
            <caption className="visually-hidden">{section.title[language]}</caption>
            <thead>
              <tr>
                <th scope="col">{t('analytics.report.figure')}</th>
                <th scope="col">{t('analytics.report.value')}</th>
                {counted && <th scope="col">{t('analytics.report.previous')}</th>}
                {counted && <th scope="col">{t('analytics.report.change')}</th>}
              </tr>
            </thead>
            <tbody>
              {section.figures.map((figure) => (
                <tr key={figure.key}>
                  <th scope="row">{figure.label[language]}</th>
                  <td>
                    {figure.value === null ? t('analytics.noData') : formatFigure(figure.unit, figure.value, language)}
                    {figure.demo ? ` (${t('analytics.report.demo')})` : ''}
                  </td>
                  {counted && <td>{figure.previous === null ? '—' : formatFigure(figure.unit, figure.previous, language)}</td>}
                  {counted && <td>{figure.change === null ? '—' : formatFigureChange(figure.change, language)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {section.chart && section.chart.months.length > 0 && (
        <ScrollTable label={section.chart.label[language]}>
          <table className="table analytics-report__chart">
            <caption className="table__caption">{section.chart.label[language]}</caption>
            <thead>
              <tr>
                <th scope="col">{t('analytics.timePatterns.month')}</th>
                <th scope="col">{t('analytics.timePatterns.count')}</th>
              </tr>
            </thead>
            <tbody>
              {section.chart.months.map((month, i) => {
                const value = section.chart!.values[i] ?? 0;
                const share = value / Math.max(1, ...section.chart!.values);
                return (
                  <tr key={month}>
                    <th scope="row">{month}</th>
                    <td>
                      <span className="analytics-report__bar" style={{ width: `${share * 8}rem` }} aria-hidden="true" />
                      {formatNumber(value, language)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollTable>
      )}
      <FigureSources figures={section.figures} />
    </section>
  );
}

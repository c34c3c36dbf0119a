import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, useLanguage, type Language } from '../../src/i18n.js';
import { formatNumber } from '../../src/intl-format.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { FigureSources, formatFigure, formatFigureChange } from '../../src/ui/report-figures.js';
import { SelectField } from '../../src/ui/select-field.js';
import { useResource } from '../../src/use-resource.js';
import { useRegions } from '../geo/geo-api.js';
import { monthName } from './figures.js';
import {
  fetchPublicReport,
  fetchReportYears,
  publicReportPdfUrl,
  type PublicNationalReport,
  type PublicReportFigure,
  type PublicReportSection,
} from './national-report-api.js';
import { TableScroll } from './table-scroll.js';
import './national-report.css';

/** The public National Report: pick an ended year and the country or a region, read it, download its PDF. */
export function NationalReportPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const params = new URLSearchParams(window.location.search);
  const [chosenYear, setYear] = useState(params.get('year') ?? '');
  const [region, setRegion] = useState(params.get('region') ?? '');
  const years = useResource((signal) => fetchReportYears(signal), []);
  const regions = useRegions();
  const available = years.data?.years ?? [];
  // The newest ended year until the reader picks one; a year from an old link that has no report falls back to it.
  const year = available.find((y) => String(y) === chosenYear) ?? available[0] ?? null;
  const report = useResource<PublicNationalReport | null>(
    (signal) => (year === null ? Promise.resolve(null) : fetchPublicReport(year, region, signal)),
    [year, region],
  );

  useEffect(() => {
    if (year === null) return;
    const query = new URLSearchParams({ year: String(year), ...(region ? { region } : {}) }).toString();
    window.history.replaceState(null, '', `/national-report?${query}`);
  }, [year, region]);

  const title = t('national-report.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('national-report.lead')}</p>
      {years.status === 'failed' ? <LoadFailure error={years.error} onRetry={years.reload} /> : null}
      {years.status === 'ready' && available.length === 0 ? <p>{t('national-report.noYears')}</p> : null}
      {year !== null ? (
        <div className="national-report-filters">
          <SelectField id="report-year" label={t('national-report.year')} value={year} onChange={(e) => setYear(e.target.value)}>
            {available.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="report-region"
            label={t('national-report.region')}
            value={region}
            onChange={(e) => setRegion(e.target.value)}
          >
            <option value="">{t('national-report.wholeCountry')}</option>
            {(regions.data ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </SelectField>
          <p className="national-report-download">
            <a className="button" href={publicReportPdfUrl(year, region, language)} download>
              {t('national-report.download', { language: LANGUAGE_NAMES[language] })}
            </a>
          </p>
        </div>
      ) : null}
      <div role="status" className="status-region">
        {years.status === 'loading' || report.status === 'loading' ? <LoadingMessage /> : null}
      </div>
      {report.status === 'failed' ? <LoadFailure error={report.error} onRetry={report.reload} /> : null}
      {report.status === 'ready' && report.data ? <ReportBody report={report.data} /> : null}
    </>
  );
}

function ReportBody({ report }: { report: PublicNationalReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <article className="national-report" aria-labelledby="national-report-area">
      <h2 id="national-report-area" className="national-report__area">
        {report.area[language]}, {report.year}
      </h2>
      <p>{report.comparison.statement[language]}</p>
      <p className="field__hint">{report.smallCounts[language]}</p>
      {report.demoData ? <p className="notice notice--warning">{t('national-report.demo')}</p> : null}
      <nav aria-label={t('national-report.contents')}>
        <ol className="national-report__contents">
          {report.sections.map((section) => (
            <li key={section.id}>
              <a href={`#report-${section.id}`}>{section.title[language]}</a>
            </li>
          ))}
        </ol>
      </nav>
      {report.sections.map((section, i) => (
        <Section key={section.id} section={section} number={i + 1} />
      ))}
    </article>
  );
}

function Section({ section, number }: { section: PublicReportSection; number: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="national-report__section" aria-labelledby={`report-${section.id}`}>
      <h3 id={`report-${section.id}`} tabIndex={-1}>
        {number}. {section.title[language]}
      </h3>
      {section.note ? <p className="field__hint">{section.note[language]}</p> : null}
      {section.figures.length > 0 ? (
        <ul className="national-report__figures">
          {section.figures.map((figure) => (
            <li key={figure.key} className="national-report__figure">
              <span className="national-report__label">{figure.label[language]}</span>
              <span className="national-report__value">
                {valueText(figure, 'current', t, language)}
                {figure.demo ? <span className="national-report__demo"> ({t('national-report.demoFigure')})</span> : null}
              </span>
              <Comparison figure={figure} />
            </li>
          ))}
        </ul>
      ) : null}
      {section.chart && section.chart.months.length > 0 ? <MonthlyChart chart={section.chart} /> : null}
      <FigureSources figures={section.figures} />
    </section>
  );
}

function Comparison({ figure }: { figure: PublicReportFigure }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (figure.previous === null && figure.previousSuppressed === null) return null;
  return (
    <span className="national-report__previous">
      {t('national-report.previous', { value: valueText(figure, 'previous', t, language) })}
      {figure.change !== null ? ` · ${t('national-report.change', { value: formatFigureChange(figure.change, language) })}` : ''}
    </span>
  );
}

function MonthlyChart({ chart }: { chart: NonNullable<PublicReportSection['chart']> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const max = Math.max(1, ...chart.values);
  return (
    <TableScroll label={chart.label[language]}>
      <table className="table national-report__chart">
        <caption className="table__caption">{chart.label[language]}</caption>
        <thead>
          <tr>
            <th scope="col">{t('national-report.month')}</th>
            <th scope="col">{t('national-report.count')}</th>
          </tr>
        </thead>
        <tbody>
          {chart.months.map((month, i) => {
            const value = chart.values[i]!;
            return (
              <tr key={month}>
                <th scope="row">{monthName(month, t)}</th>
                <td>
                  <span className="national-report__bar" style={{ width: `${(value / max) * 100}%` }} aria-hidden="true" />
                  <span className="national-report__bar-value">{formatNumber(value, language)}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** A figure's value (or its previous one) exactly as the server published it: never a hidden count worked out here. */
function valueText(figure: PublicReportFigure, which: 'current' | 'previous', t: TFunction, language: Language): string {
  const value = which === 'current' ? figure.value : figure.previous;
  const hidden = which === 'current' ? figure.suppressed : figure.previousSuppressed;
  const parts = which === 'current' ? figure.hiddenParts : figure.previousHiddenParts;
  if (hidden) return hidden === 'fewer-than-5' ? t('portal.figures.fewerThan5') : t('portal.figures.withheld');
  if (value === null) return t('national-report.noData');
  const text = formatFigure(figure.unit, value, language);
  if (parts === 0) return text;
  return value === 0 ? t('portal.figures.hiddenOnly') : t('portal.figures.atLeast', { count: text });
}

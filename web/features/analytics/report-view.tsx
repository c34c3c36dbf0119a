import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportUrl } from './analytics-api.js';
import { YearPicker } from './period.js';

const LANGUAGES = ['kk', 'ru', 'en'] as const;

/** Download links for the National Report: PDF in each language, and the data with its sources as JSON. */
export function ReportView() {
  const { t } = useTranslation();
  const [year, setYear] = useState(new Date().getUTCFullYear() - 1);
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
    </>
  );
}

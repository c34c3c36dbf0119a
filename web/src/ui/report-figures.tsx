import { useTranslation } from 'react-i18next';
import type { ReportFigure } from '../../../common/schemas/national-report.js';
import { useLanguage, type Language } from '../i18n.js';
import { formatNumber } from '../intl-format.js';
import './report-figures.css';

/** Rates and percentages are published to one decimal; counts are whole. */
function formatTenths(value: number, language: Language): string {
  return formatNumber(Math.round(value * 10) / 10, language);
}

/** A National Report figure's number in the reader's format, with its unit. */
export function formatFigure(unit: ReportFigure['unit'], value: number, language: Language): string {
  if (unit === 'count') return formatNumber(value, language);
  return `${formatTenths(value, language)}${unit === 'percent' ? '%' : ''}`;
}

/** A figure's change on the previous period as a signed percentage. */
export function formatFigureChange(change: number, language: Language): string {
  return `${change > 0 ? '+' : ''}${formatTenths(change, language)}%`;
}

/**
 * A National Report section's "How the figures were counted": each figure beside the query or
 * method behind it, folded away so the figures stay readable. Analysts and the public see the same.
 */
export function FigureSources({ figures }: { figures: readonly Pick<ReportFigure, 'key' | 'label' | 'source'>[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (figures.length === 0) return null;
  return (
    <details className="figure-sources">
      <summary>{t('common.figureSources')}</summary>
      <ul>
        {figures.map((figure) => (
          <li key={figure.key}>
            {figure.label[language]}: <code>{figure.source}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}

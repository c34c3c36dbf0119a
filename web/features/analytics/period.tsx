import { useTranslation } from 'react-i18next';
import { categoryByCode, CATEGORIES } from '../../../common/categories.js';
import { useLanguage } from '../../src/i18n.js';
import { SelectField } from '../../src/ui/select-field.js';
import type { Period } from './analytics-api.js';

const CRIME = CATEGORIES.filter((c) => c.group === 'crime').map((c) => c.code);
const SINGLE = ['burglary', 'robbery', 'violent-crime', 'domestic-violence', 'internet-fraud', 'drugs', 'road-accident'] as const;

// Almaty has been at UTC+5 since March 2024; months start at its midnight.
const ALMATY_OFFSET_MS = 5 * 3_600_000;

/**
 * The whole months of the last two years in Almaty time (the demo history's 24 months less the
 * one under way, which would read as a fall in the monthly series and its change-points).
 */
export function lastMonths(categories: string, now = new Date()): Period {
  const local = new Date(now.getTime() + ALMATY_OFFSET_MS);
  const monthStart = (back: number) =>
    new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - back, 1) - ALMATY_OFFSET_MS);
  return { from: monthStart(23).toISOString(), to: monthStart(0).toISOString(), categories };
}

export const ALL_CRIME = CRIME.join(',');

/** Which offences an analysis covers: all crime or one category. */
export function CategoryPicker({ id, value, onChange }: { id: string; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <SelectField id={id} label={t('analytics.categories')} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value={ALL_CRIME}>{t('analytics.allCrime')}</option>
      {SINGLE.map((code) => (
        <option key={code} value={code}>
          {categoryByCode(code).names[language]}
        </option>
      ))}
    </SelectField>
  );
}

/** A year to report on: the last three. */
export function YearPicker({ id, value, onChange }: { id: string; value: number; onChange: (value: number) => void }) {
  const { t } = useTranslation();
  const thisYear = new Date().getUTCFullYear();
  return (
    <SelectField id={id} label={t('analytics.year')} value={value} onChange={(e) => onChange(Number(e.target.value))}>
      {[thisYear, thisYear - 1, thisYear - 2].map((year) => (
        <option key={year} value={year}>
          {year}
        </option>
      ))}
    </SelectField>
  );
}

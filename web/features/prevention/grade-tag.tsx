import { useTranslation } from 'react-i18next';
import type { RiskGrade } from '../../../common/risk-instruments.js';

const TAG: Record<RiskGrade, string> = { high: 'tag tag--red', medium: 'tag', standard: 'tag tag--grey' };

/** A case's risk grade as a coloured tag whose text says it (colour is never the only sign). */
export function GradeTag({ grade }: { grade: RiskGrade | null }) {
  const { t } = useTranslation();
  if (!grade) return <span className="tag tag--grey">{t('prevention.grade.none')}</span>;
  return <span className={TAG[grade]}>{t(`prevention.grade.${grade}`)}</span>;
}

import { useTranslation } from 'react-i18next';

/**
 * The first thing on every citizen page: a form is too slow for someone in danger. The numbers
 * are links a phone dials with one tap.
 */
export function EmergencyCall() {
  const { t } = useTranslation();
  return (
    <section className="emergency-call" aria-labelledby="emergency-call-title">
      <p id="emergency-call-title" className="emergency-call__title">
        {t('report.emergency.title')}
      </p>
      <div className="emergency-call__buttons">
        <a className="emergency-call__button" href="tel:102">
          <span className="emergency-call__number">102</span>
          <span className="emergency-call__label">{t('report.emergency.police')}</span>
        </a>
        <a className="emergency-call__button emergency-call__button--secondary" href="tel:112">
          <span className="emergency-call__number">112</span>
          <span className="emergency-call__label">{t('report.emergency.single')}</span>
        </a>
      </div>
    </section>
  );
}

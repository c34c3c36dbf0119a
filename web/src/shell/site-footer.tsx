import { useTranslation } from 'react-i18next';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="width-container">
        <p>{t('shell.footer')}</p>
      </div>
    </footer>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api.js';
import { LANGUAGE_NAMES, LANGUAGES, LanguageUnavailable, useLanguage, type Language } from '../i18n.js';
import { useSession } from '../../features/auth/session.js';

/**
 * Kazakh / Russian / English, on every page. The choice is remembered in this browser and, when
 * signed in, saved to the account.
 */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { changeLanguage } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  const active = useLanguage();

  async function choose(language: Language) {
    setFailure(null);
    try {
      await changeLanguage(language);
    } catch (error) {
      // Told in the language still shown: the switch itself failed, or only saving it to the account.
      setFailure(
        error instanceof LanguageUnavailable
          ? t('language.loadFailed', { language: LANGUAGE_NAMES[error.language] })
          : t('language.saveFailed', { reason: errorMessage(error) }),
      );
    }
  }

  return (
    <div className="language-switcher">
      <div className="language-switcher__options" role="group" aria-label={t('language.label')}>
        {LANGUAGES.map((language) => (
          <button
            key={language}
            type="button"
            lang={language}
            className="language-switcher__option"
            aria-pressed={language === active}
            onClick={() => void choose(language)}
          >
            {LANGUAGE_NAMES[language]}
          </button>
        ))}
      </div>
      <div aria-live="polite" className="language-switcher__status">
        {failure ? <p className="language-switcher__error">{failure}</p> : null}
      </div>
    </div>
  );
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SessionProvider } from '../features/auth/session.js';
import { App } from './app.js';
import { initI18n } from './i18n.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/tables.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

/**
 * Shown when the texts themselves could not be downloaded (a phone losing its connection between
 * two requests), so there are no translations to take it from: all three languages, as in the
 * <noscript> of index.html, instead of an empty page.
 */
function showLoadFailure(target: HTMLElement): void {
  const lines: [string, string][] = [
    ['kk', 'Бетті жүктеу мүмкін болмады. Байланысты тексеріп, бетті қайта ашыңыз.'],
    ['ru', 'Не удалось загрузить страницу. Проверьте соединение и откройте страницу снова.'],
    ['en', 'The page could not be loaded. Check your connection and open the page again.'],
  ];
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.style.padding = '1rem';
  for (const [lang, text] of lines) {
    const p = document.createElement('p');
    p.lang = lang;
    p.textContent = text;
    box.append(p);
  }
  target.replaceChildren(box);
}

// The first render waits for the language's texts, so no key or other language flashes by.
initI18n().then(
  () =>
    createRoot(root).render(
      <StrictMode>
        <SessionProvider>
          <App />
        </SessionProvider>
      </StrictMode>,
    ),
  () => showLoadFailure(root),
);

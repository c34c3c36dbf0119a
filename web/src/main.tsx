import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SessionProvider } from '../features/auth/session.js';
import { App } from './app.js';
import { initI18n } from './i18n.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/tables.css';

initI18n();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <SessionProvider>
      <App />
    </SessionProvider>
  </StrictMode>,
);

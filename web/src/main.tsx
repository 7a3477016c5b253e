import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api.ts';
import { App } from './app.tsx';
import { currentLang, initI18n } from './i18n.ts';
import { SessionProvider } from './session.tsx';
import './styles.css';

await initI18n();
const api = createApiClient({ getLang: currentLang });
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <SessionProvider api={api}>
      <App />
    </SessionProvider>
  </StrictMode>,
);

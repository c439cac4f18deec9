import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, initialLanguage } from './ui/App';
import { loadDictionary } from './ui/i18n';
import { registerServiceWorker } from './ui/offline/registerServiceWorker';
import './ui/styles.css';

registerServiceWorker();
const language = initialLanguage();
void loadDictionary(language).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App language={language} />
    </StrictMode>,
  ),
);

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, initialLanguage } from './ui/App';
import { afterFirstPaintWhenIdle, loadForFirstEdit } from './ui/boot/idleLoad';
import { loadDictionary } from './ui/i18n';
import { registerServiceWorker } from './ui/offline/registerServiceWorker';
import './ui/styles.css';

const language = initialLanguage();
void loadDictionary(language).then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App language={language} />
    </StrictMode>,
  );
  // What the first edit needs arrives while the page is idle; only then the offline cache fills.
  afterFirstPaintWhenIdle(() => void loadForFirstEdit().then(registerServiceWorker, registerServiceWorker));
});

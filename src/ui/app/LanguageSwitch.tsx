import type { Language } from '../../core/index';
import { useI18n } from '../i18n';

export function LanguageSwitch({ onLanguage }: { readonly onLanguage: (language: Language) => void }) {
  const { t, lang } = useI18n();
  return (
    <div className="tool-group lang" role="group" aria-label={t('lang.label')}>
      <button type="button" lang="ja" aria-pressed={lang === 'ja'} onClick={() => onLanguage('ja')}>
        日本語
      </button>
      <button type="button" lang="en" aria-pressed={lang === 'en'} onClick={() => onLanguage('en')}>
        English
      </button>
    </div>
  );
}

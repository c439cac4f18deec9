import { createContext, useContext } from 'react';
import type { Bilingual, Language } from '../../core/index';
import { readInlineDictionary } from '../boot/inlineDictionary';
import type { MessageKey } from './ja';

export type { MessageKey };

type Dictionary = Readonly<Record<MessageKey, string>>;

/**
 * Each language is its own chunk, loaded before the first render: a visitor fetches only theirs.
 * The built page carries them inline (src/ui/boot/inlineDictionary.ts), so no chunk is needed there.
 */
const DICTIONARIES: Partial<Record<Language, Dictionary>> = {};

export async function loadDictionary(language: Language): Promise<void> {
  if (DICTIONARIES[language]) return;
  const inline = readInlineDictionary(language) as Dictionary | undefined;
  DICTIONARIES[language] = inline ?? (language === 'ja' ? (await import('./ja')).ja : (await import('./en')).en);
}

export type Translate = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

export function translator(language: Language): Translate {
  const dictionary = DICTIONARIES[language];
  return (key, values) => {
    const text = dictionary?.[key] ?? key;
    if (!values) return text;
    // `{n:file|files}` picks by the number (English plurals); `{n}` is the value itself.
    return text
      .replace(/\{(\w+):([^|}]*)\|([^}]*)\}/g, (whole, name: string, one: string, other: string) =>
        name in values ? (Number(values[name]) === 1 ? one : other) : whole,
      )
      .replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  };
}

/** Japanese when the browser's list prefers Japanese to English, else English. */
export function detectLanguage(languages: readonly string[]): Language {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'ja') return 'ja';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

export interface I18n {
  readonly lang: Language;
  readonly t: Translate;
  /** Picks the current language from a core text. */
  readonly pick: (text: Bilingual) => string;
}

export const I18nContext = createContext<I18n>({ lang: 'ja', t: translator('ja'), pick: (text) => text.ja });

export const useI18n = (): I18n => useContext(I18nContext);

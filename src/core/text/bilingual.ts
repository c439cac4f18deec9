/** Every user-facing sentence the core produces exists in Japanese (first) and English. */
export interface Bilingual {
  readonly ja: string;
  readonly en: string;
}

export type Language = keyof Bilingual;

export const bi = (ja: string, en: string): Bilingual => ({ ja, en });

/** Joins both languages as "日本語 / English" for places that show one line (CLI, comments). */
export const both = (text: Bilingual): string => `${text.ja} / ${text.en}`;

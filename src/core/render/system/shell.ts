import type { Bilingual } from '../../text/bilingual';

/** A step of the VPS apply script: what it does (both languages) and the commands. */
export interface ShellStep {
  readonly title: Bilingual;
  readonly commands: readonly string[];
}

const SAFE_WORD = /^[A-Za-z0-9_.:/=,+@%-]+$/;

/** Quotes one shell word; values are validated upstream, this is the second fence. */
export function shellWord(word: string | number): string {
  const text = String(word);
  if (/[\r\n\u2028\u2029\0]/.test(text)) throw new Error('shell word with a line break');
  return SAFE_WORD.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

export const sh = (...words: (string | number)[]): string => words.map(shellWord).join(' ');

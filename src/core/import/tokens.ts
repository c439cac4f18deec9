/**
 * Splits one RTX command line into words. The command reference (§1.5; rtx-commands.md §1.19)
 * lets a parameter hold a special character (`? # | > \ ' "` or space) when it is escaped with
 * `\` or the parameter is quoted with '…' or "…". Inside single quotes nothing is special; inside
 * double quotes a backslash still escapes the next character.
 */
export interface Tokenized {
  readonly words: string[];
  readonly unterminatedQuote: boolean;
}

export function tokenizeLine(text: string): Tokenized {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '' | "'" | '"' = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote === "'") {
      if (ch === "'") quote = '';
      else word += ch;
      continue;
    }
    if (ch === '\\' && i + 1 < text.length) {
      word += text[++i]!;
      inWord = true;
      continue;
    }
    if (quote === '"') {
      if (ch === '"') quote = '';
      else word += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
      continue;
    }
    if (ch === ' ' || ch === '\t') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    word += ch;
    inWord = true;
  }
  if (inWord) words.push(word);
  return { words, unterminatedQuote: quote !== '' };
}

/** Shows a line with its control characters as \xNN, for a problem message. */
export function printable(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const shown = text.replace(/[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return shown.length > max ? `${shown.slice(0, max)}…` : shown;
}

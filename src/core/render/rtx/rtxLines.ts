/**
 * Structured RTX console lines. Builders produce these; `serializeRtx` is the only place that
 * turns them into text, and it refuses any token the RTX shell would read as syntax.
 */
export type RtxLine =
  | { readonly kind: 'command'; readonly depth: 0 | 1 | 2; readonly words: readonly string[] }
  | { readonly kind: 'comment'; readonly depth: 0 | 1 | 2; readonly text: string }
  | { readonly kind: 'blank' };

export const command = (depth: 0 | 1 | 2, ...words: (string | number)[]): RtxLine => ({
  kind: 'command',
  depth,
  words: words.map(String),
});

export const comment = (depth: 0 | 1 | 2, text: string): RtxLine => ({ kind: 'comment', depth, text });

export const blank: RtxLine = { kind: 'blank' };

/** A bare token: printable ASCII without space and without `? # | > \ ' "` (rtx-commands.md §1.19). */
const BARE_TOKEN = /^[\x21-\x7e]+$/;
const RTX_SPECIAL = /[?#|>\\'"]/;
/** A quoted token may hold spaces; it is wrapped in double quotes. */
const QUOTABLE = /^[\x20-\x7e]+$/;

export class RtxSyntaxError extends Error {}

function renderWord(word: string): string {
  if (RTX_SPECIAL.test(word)) throw new RtxSyntaxError(`RTX token has a special character: ${JSON.stringify(word)}`);
  if (BARE_TOKEN.test(word)) return word;
  if (QUOTABLE.test(word) && word.trim() === word) return `"${word}"`;
  throw new RtxSyntaxError(`RTX token is not printable ASCII: ${JSON.stringify(word)}`);
}

/** Comments are kept ASCII: the RTX reads its configuration as Shift_JIS. */
const COMMENT_TEXT = /^[\x20-\x7e]*$/;

export function serializeRtx(lines: readonly RtxLine[]): string {
  const out = lines.map((line) => {
    if (line.kind === 'blank') return '';
    const indent = ' '.repeat(line.depth);
    if (line.kind === 'comment') {
      if (!COMMENT_TEXT.test(line.text)) throw new RtxSyntaxError(`RTX comment is not ASCII: ${JSON.stringify(line.text)}`);
      return `${indent}# ${line.text}`.trimEnd();
    }
    const text = `${indent}${line.words.map(renderWord).join(' ')}`;
    // rtx-commands.md §1.19: a whole command line is at most 4095 characters.
    if (text.length > 4095) throw new RtxSyntaxError('RTX command line longer than 4095 characters');
    return text;
  });
  return `${out.join('\n')}\n`;
}

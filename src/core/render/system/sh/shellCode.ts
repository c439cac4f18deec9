/**
 * POSIX sh as data. A `ShellCode` can only be made here: by the `sh` tag (literal parts are the
 * program's own text; every interpolated string or number is quoted as one word), by `cmd` (every
 * argument is one quoted word) or by `quoted` (always single-quoted). So no user value can reach a
 * script unquoted: the type has no other constructor.
 */
const TOKEN: unique symbol = Symbol('ShellCode');

export class ShellCode {
  readonly text: string;
  constructor(token: typeof TOKEN, text: string) {
    if (token !== TOKEN) throw new ShellSyntaxError('ShellCode is made only by sh, cmd or quoted');
    if (/[\r\n\u2028\u2029\u0085\0]/.test(text)) throw new ShellSyntaxError('shell code with a line break');
    this.text = text;
  }
  toString(): string {
    return this.text;
  }
}

export class ShellSyntaxError extends Error {}

/** Interpolated into `sh`: a word, a list of words, or code built by this module. */
export type ShellValue = string | number | ShellCode | readonly (string | number)[];

const SAFE_WORD = /^[A-Za-z0-9_.:/=,+@%-]+$/;
const LINE_BREAK = /[\r\n\u2028\u2029\u0085\0]/;

/** One shell word: bare when it is made of harmless characters, single-quoted otherwise. */
function word(value: string | number): string {
  const text = String(value);
  if (LINE_BREAK.test(text)) throw new ShellSyntaxError(`shell word with a line break: ${JSON.stringify(text)}`);
  return SAFE_WORD.test(text) ? text : quote(text);
}

function quote(text: string): string {
  if (LINE_BREAK.test(text)) throw new ShellSyntaxError(`shell word with a line break: ${JSON.stringify(text)}`);
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function render(value: ShellValue): string {
  if (value instanceof ShellCode) return value.text;
  if (typeof value === 'string' || typeof value === 'number') return word(value);
  return value.map(word).join(' ');
}

/** Tagged template: `sh\`grep -q ${marker} /etc/file\`` quotes `marker` as one word. */
export function sh(strings: TemplateStringsArray, ...values: readonly ShellValue[]): ShellCode {
  let text = strings[0]!;
  values.forEach((value, index) => {
    text += render(value) + strings[index + 1]!;
  });
  return new ShellCode(TOKEN, text);
}

/** A simple command: every argument is one word. */
export const cmd = (...words: readonly (string | number)[]): ShellCode => new ShellCode(TOKEN, words.map(word).join(' '));

/** Always single-quoted (for sed scripts, grep patterns and echoed lines that must stay verbatim). */
export const quoted = (text: string): ShellCode => new ShellCode(TOKEN, quote(text));

/** Commands from capability data such as `dnf install -y`: split on spaces, each part one word. */
export const words = (text: string): readonly string[] => text.split(' ').filter((part) => part !== '');

/** A whole script: `#!/bin/sh`, comment lines, then code lines (blank where `undefined`). */
export function serializeScript(comments: readonly string[], body: readonly (ShellCode | undefined)[]): string {
  const lines = ['#!/bin/sh', ...comments.map(commentLine), ...body.map((code) => (code ? code.text : ''))];
  return `${lines.join('\n')}\n`;
}

function commentLine(text: string): string {
  if (LINE_BREAK.test(text)) throw new ShellSyntaxError('comment with a line break');
  return `# ${text}`;
}

import { bi } from '../text/bilingual';
import { RTX_COMMAND_WORDS, SESSION_WORDS } from './commands';
import { printable, tokenizeLine } from './tokens';
import type { ConfigHeader, ConfigLine, ImportProblem, LineContext, ParsedConfig } from './types';

/** Far above any real router (a 5,000-line configuration is ~200 KB); refuses pasted disk images. */
export const MAX_CONFIG_CHARS = 4 * 1024 * 1024;
/** rtx-commands.md §1.19: a whole command line is at most 4095 characters. */
const MAX_LINE = 4095;
/** The RTX console wraps `show config` at 80 columns with a bare line break (see joinWrapped). */
const CONSOLE_WIDTH = 80;
/** Enough to show what is wrong without flooding the page with a pasted novel. */
const MAX_PROBLEMS = 200;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]/;
/** `# RTX830 Rev.15.02.17 (Fri Jul 10 09:59:21 2020)`, the first line `show config` prints. */
const HEADER = /^#\s*([A-Za-z][A-Za-z0-9-]{1,15})\s+Rev\.(\d{1,2}\.\d{2}\.\d{2})(?:\s|$)/;
/** The console prompt echoed with the command, e.g. `[RTX830] > show config` or `# show config`. */
const PROMPT = /^(?:\[[^\]]{0,40}\]\s*)?[>#]\s*(?:show\s+config.*|save|administrator)?$|^(?:\[[^\]]{0,40}\]\s*)[>#]/;
const PAGER = /^-{2,}\s*(?:more|続きます)/i;

const fatal = (code: 'binary' | 'notRtx' | 'tooLarge', message: ReturnType<typeof bi>): ParsedConfig => ({
  header: {},
  lines: [],
  problems: [{ level: 'error', code, line: 0, message }],
  fatal: true,
});

/** Binary data: NUL bytes, or more than 1% control characters in the first 64 KiB. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65536);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    // U+FFFD: a byte the decoder could not read (binary read as UTF-8).
    if (code === 0xfffd) control++;
    else if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f) control++;
  }
  return control > sample.length / 100;
}

interface Builder {
  words: string[];
  raw: string;
  line: number;
  indent: number;
  context: LineContext;
  known: boolean;
}

/**
 * Reads RTX configuration text (`show config` output, a TFTP config file or a pasted excerpt).
 * Total: any string gives a result; a line it cannot read is reported with its number and the
 * rest is still read. Unknown commands are kept (known: false) and reported as warnings.
 */
export function parseRtxConfig(input: string): ParsedConfig {
  if (typeof input !== 'string') return fatal('notRtx', bi('設定のテキストではありません。', 'This is not configuration text.'));
  if (input.length > MAX_CONFIG_CHARS) {
    return fatal('tooLarge', bi(`テキストが大きすぎます (${MAX_CONFIG_CHARS} 文字まで)。`, `The text is too large (at most ${MAX_CONFIG_CHARS} characters).`));
  }
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (looksBinary(text)) {
    return fatal(
      'binary',
      bi('バイナリデータです。RTX の設定 (show config の出力) ではありません。', 'This is binary data, not an RTX configuration (show config output).'),
    );
  }

  const physical = text.split(/\r\n|\r|\n/);
  const problems: ImportProblem[] = [];
  const report = (problem: ImportProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };
  const header: { model?: string; firmware?: string } = {};
  const built: Builder[] = [];
  let context: LineContext = {};
  let recognised = 0;
  /** What the previous physical line was, to tell a console wrap from a new command. */
  let previous: { kind: 'command' | 'comment' | 'other'; length: number } = { kind: 'other', length: 0 };

  for (let index = 0; index < physical.length; index++) {
    const raw = physical[index]!;
    const number = index + 1;
    if (raw.length > MAX_LINE) {
      report({
        level: 'warning',
        code: 'lineTooLong',
        line: number,
        message: bi(`${MAX_LINE} 文字を超える行は読みません。`, `A line longer than ${MAX_LINE} characters is not read.`),
        text: printable(raw),
      });
      previous = { kind: 'other', length: 0 };
      continue;
    }
    if (CONTROL.test(raw)) {
      report({
        level: 'warning',
        code: 'controlCharacters',
        line: number,
        message: bi('制御文字を含む行は読みません。', 'A line with control characters is not read.'),
        text: printable(raw),
      });
      previous = { kind: 'other', length: 0 };
      continue;
    }
    const trimmed = raw.trim();
    if (trimmed === '') {
      previous = { kind: 'other', length: 0 };
      continue;
    }
    if (trimmed.startsWith('#')) {
      const match = HEADER.exec(trimmed);
      if (match && header.model === undefined) {
        header.model = match[1]!.toUpperCase();
        header.firmware = match[2]!;
      }
      if (PROMPT.test(trimmed) && /show\s+config/.test(trimmed)) recognised++;
      previous = { kind: 'comment', length: raw.length };
      continue;
    }
    if (PROMPT.test(trimmed) || PAGER.test(trimmed)) {
      report({
        level: 'info',
        code: 'promptLine',
        line: number,
        message: bi('コンソールのプロンプトまたはページャーの行として読み飛ばしました。', 'Skipped as a console prompt or pager line.'),
        text: printable(trimmed),
      });
      previous = { kind: 'other', length: 0 };
      continue;
    }
    const first = trimmed.split(/[ \t]/, 1)[0]!.toLowerCase();
    const known = RTX_COMMAND_WORDS.has(first);
    if (!known && !SESSION_WORDS.has(first)) {
      if (previous.kind === 'comment' && previous.length >= CONSOLE_WIDTH - 1) {
        previous = { kind: 'comment', length: raw.length };
        continue;
      }
      const last = built[built.length - 1];
      if (previous.kind === 'command' && previous.length >= CONSOLE_WIDTH - 1 && last) {
        joinWrapped(last, raw);
        report({
          level: 'info',
          code: 'wrappedLine',
          line: number,
          message: bi(
            `${last.line} 行目の続き (コンソールの 80 桁折り返し) として連結しました。`,
            `Joined to line ${last.line} as a console wrap at 80 columns.`,
          ),
          text: printable(raw),
        });
        previous = { kind: 'command', length: raw.length };
        continue;
      }
    }
    if (SESSION_WORDS.has(first)) {
      recognised++;
      previous = { kind: 'other', length: 0 };
      continue;
    }
    const { words, unterminatedQuote } = tokenizeLine(trimmed);
    if (unterminatedQuote) {
      report({
        level: 'warning',
        code: 'unterminatedQuote',
        line: number,
        message: bi('引用符が閉じていません。行末までを 1 つの値として読みました。', 'A quote is not closed; read up to the end of the line as one value.'),
        text: printable(raw),
      });
    }
    context = nextContext(context, words);
    if (known) recognised++;
    else {
      report({
        level: 'warning',
        code: 'unknownCommand',
        line: number,
        message: bi('知らないコマンドです。そのまま残し、番号の確認には使いません。', 'Unknown command: kept as is, not used to find numbers in use.'),
        text: printable(raw),
      });
    }
    built.push({ words, raw, line: number, indent: raw.length - raw.trimStart().length, context, known });
    previous = { kind: 'command', length: raw.length };
  }

  if (recognised === 0) {
    return fatal(
      'notRtx',
      bi('RTX のコマンドの行が 1 行もありません。show config の出力を貼り付けてください。', 'No line is an RTX command. Paste the output of show config.'),
    );
  }
  const finalHeader: ConfigHeader = header;
  return { header: finalHeader, lines: built.map(freeze), problems, fatal: false };
}

/** A wrap breaks at column 80, mid-word or before a space: the pieces join with nothing between. */
function joinWrapped(last: Builder, continuation: string): void {
  last.raw += continuation;
  const { words } = tokenizeLine(last.raw.trim());
  last.words = words;
}

function freeze(line: Builder): ConfigLine {
  return { line: line.line, indent: line.indent, words: line.words, raw: line.raw, context: line.context, known: line.known };
}

const selection = (word: string | undefined): number | undefined => (word !== undefined && /^\d{1,5}$/.test(word) ? Number(word) : undefined);

/** `tunnel select N|none` and `pp select N|anonymous|none` persist until the next select, as on the console. */
function nextContext(context: LineContext, words: readonly string[]): LineContext {
  if (words[1] !== 'select') return context;
  if (words[0] === 'tunnel') {
    const tunnel = selection(words[2]);
    return tunnel === undefined ? { pp: context.pp } : { tunnel, pp: context.pp };
  }
  if (words[0] === 'pp') {
    const pp = words[2] === 'anonymous' ? 'anonymous' : selection(words[2]);
    return pp === undefined ? { tunnel: context.tunnel } : { tunnel: context.tunnel, pp };
  }
  return context;
}

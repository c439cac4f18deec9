import type { Bilingual } from '../text/bilingual';

export type ImportProblemLevel = 'error' | 'warning' | 'info';

/**
 * Why a line (or the whole text) could not be read as expected. `error` at line 0 means the text
 * is not an RTX configuration at all; every other problem leaves the rest of the text usable.
 */
export type ImportProblemCode =
  | 'binary'
  | 'notRtx'
  | 'tooLarge'
  | 'unknownCommand'
  | 'unterminatedQuote'
  | 'lineTooLong'
  | 'wrappedLine'
  | 'promptLine'
  | 'controlCharacters'
  | 'badNumber'
  | 'missingTunnelBlock'
  | 'ambiguousWan';

export interface ImportProblem {
  readonly level: ImportProblemLevel;
  readonly code: ImportProblemCode;
  /** 1-based line of the pasted text; 0 for the text as a whole. */
  readonly line: number;
  readonly message: Bilingual;
  /** The line as pasted (control characters shown as \xNN), when the problem is about one line. */
  readonly text?: string;
}

/** What `tunnel select` / `pp select` had selected when a line was read (as the console does). */
export interface LineContext {
  readonly tunnel?: number;
  readonly pp?: number | 'anonymous';
}

/** One command line of the configuration, after quotes and escapes are resolved. */
export interface ConfigLine {
  /** 1-based line number of the line's first physical line in the pasted text. */
  readonly line: number;
  /** Leading spaces as pasted (cosmetic on the RTX; kept to re-print lines faithfully). */
  readonly indent: number;
  readonly words: readonly string[];
  /** The line's text as pasted (continuations joined), without the line break. */
  readonly raw: string;
  readonly context: LineContext;
  /** The first word is a command the RTX knows (see commands.ts). */
  readonly known: boolean;
}

export interface ConfigHeader {
  readonly model?: string;
  readonly firmware?: string;
}

export interface ParsedConfig {
  readonly header: ConfigHeader;
  readonly lines: readonly ConfigLine[];
  readonly problems: readonly ImportProblem[];
  /** True when a fatal problem (binary, not an RTX configuration, too large) was found. */
  readonly fatal: boolean;
}

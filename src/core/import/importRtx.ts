import { extractFacts, type RtxFacts } from './extractFacts';
import { parseRtxConfig } from './parseRtxConfig';
import type { ImportProblem, ParsedConfig } from './types';

export interface RtxImport {
  readonly config: ParsedConfig;
  /** Absent when the text is not an RTX configuration (see `problems`). */
  readonly facts?: RtxFacts;
  /** Every problem, parse and extraction, in line order (0 = the text as a whole first). */
  readonly problems: readonly ImportProblem[];
}

/** Reads pasted RTX configuration text into facts; total (never throws). */
export function importRtxConfig(text: string): RtxImport {
  const config = parseRtxConfig(text);
  if (config.fatal) return { config, problems: config.problems };
  const facts = extractFacts(config);
  const problems = [...config.problems, ...facts.problems].sort((a, b) => a.line - b.line);
  return { config, facts, problems };
}

import type { CheckCode } from './derive/checks/codes';
import type { Bilingual } from './text/bilingual';

/** A cross-field check's code, or `field.<schema message code>` for a problem the schema found. */
export type FindingCode = CheckCode | `field.${string}`;

export type FindingLevel = 'error' | 'warning' | 'info';

/** Something the user should know about their plan; an error means no files are produced. */
export interface Finding {
  readonly level: FindingLevel;
  readonly code: FindingCode;
  /** Dotted path of the plan field concerned, e.g. `peers.0.tunnel.crypto.dhGroup`. */
  readonly path: string;
  readonly message: Bilingual;
}

export const hasErrors = (findings: readonly Finding[]): boolean => findings.some((finding) => finding.level === 'error');

import type { Finding, FindingLevel } from '../../findings';
import type { Bilingual } from '../../text/bilingual';
import type { Deployment } from '../deployment';
import type { CheckCode } from './codes';

export type { CheckCode };

/** How a check reports: one call per finding. */
export type Report = (level: FindingLevel, code: CheckCode, path: string, message: Bilingual) => void;

/** One named cross-field check: everything the schema alone cannot know about one concern. */
export interface Check {
  readonly name: string;
  run(deployment: Deployment, report: Report): void;
}

/** Collects what the given checks report, in list order. */
export function runChecks(deployment: Deployment, checks: readonly Check[]): Finding[] {
  const findings: Finding[] = [];
  const report: Report = (level, code, path, message) => findings.push({ level, code, path, message });
  for (const check of checks) check.run(deployment, report);
  return findings;
}

/** The dotted plan path of a field of this deployment's peer, e.g. `peers.0.tunnel.psk`. */
export const peerPath = (deployment: Deployment, field: string): string => `peers.${deployment.peerIndex}.${field}`;

/** YAMAHA firmware revisions are "MAJOR.MINOR.PATCH" (Rev.15.02.33); compared numerically per part. */
export const REVISION_PATTERN = /^\d{1,2}\.\d{2}\.\d{2}$/;

export function compareRevision(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** "15.02.33" belongs to series "15.02". */
export function revisionSeries(revision: string): string {
  return revision.split('.').slice(0, 2).join('.');
}

/** A feature that exists from a revision on ("at least"), or strictly after one ("later than"). */
export interface RevisionGate {
  readonly since?: string;
  readonly after?: string;
}

export function gateOpen(gate: RevisionGate | boolean, revision: string): boolean {
  if (typeof gate === 'boolean') return gate;
  if (gate.since && compareRevision(revision, gate.since) < 0) return false;
  if (gate.after && compareRevision(revision, gate.after) <= 0) return false;
  return true;
}

export function describeGate(gate: RevisionGate): string {
  if (gate.since) return `Rev.${gate.since}+`;
  if (gate.after) return `> Rev.${gate.after}`;
  return '';
}

import { TARGETS, type StackId, type VpsTargetId } from '../../src/core/caps/targets';
import { compareReleases, type Release } from '../../src/core/caps/versions';

/**
 * The real daemon builds the tests can run, one Debian generation each (tools/daemons):
 * bookworm's are unpacked by install.sh and driven by check.ts; bullseye and trixie are
 * debootstrap chroots driven by suite-check.sh.
 */
export const REAL_TREES = [
  { suite: 'bullseye', libreswan: '4.3', strongswan: '5.9.1' },
  { suite: 'bookworm', libreswan: '4.10', strongswan: '5.9.8' },
  { suite: 'trixie', libreswan: '5.2', strongswan: '6.0.1' },
] as const satisfies readonly { suite: string; libreswan: Release; strongswan: Release }[];

export type Suite = (typeof REAL_TREES)[number]['suite'];

export interface TreeChoice {
  readonly suite: Suite;
  readonly real: Release;
  /** true when no real build at or below the release exists in its major line and the next one up is used. */
  readonly above: boolean;
}

const major = (release: Release) => release.split('.')[0];

/**
 * The real build a target's files are loaded into: the newest one at or below the target's release
 * in the same major line (a major line is a keyword dialect: libreswan 4.x does not read 5.x conns);
 * failing that, the oldest one above it in that line (marked `above`); none for a line without a
 * real build (libreswan 3.x: its rules are encoded from upstream source in test/core/versions.test.ts).
 */
export function nearestTree(target: VpsTargetId, stack: StackId): TreeChoice | undefined {
  const release = TARGETS[target].stacks[stack]?.release;
  if (!release) return undefined;
  const line = REAL_TREES.filter((tree) => major(tree[stack]) === major(release));
  const below = line.filter((tree) => compareReleases(tree[stack], release) <= 0).at(-1);
  if (below) return { suite: below.suite, real: below[stack], above: false };
  const next = line[0];
  return next ? { suite: next.suite, real: next[stack], above: true } : undefined;
}

import { describe, expect, it } from 'vitest';
import { nearestTree } from './realTrees';

/** Which real build each target's files go to (pure: runs without root or daemons). */
describe('nearest real daemon build', () => {
  it('takes the newest build at or below the release, in the same major line', () => {
    expect(nearestTree('el-8', 'libreswan')).toEqual({ suite: 'bullseye', real: '4.3', above: false });
    expect(nearestTree('ubuntu-24.04', 'libreswan')).toEqual({ suite: 'bookworm', real: '4.10', above: false });
    expect(nearestTree('ubuntu-22.04', 'strongswan')).toEqual({ suite: 'bullseye', real: '5.9.1', above: false });
    expect(nearestTree('ubuntu-24.04', 'strongswan')).toEqual({ suite: 'bookworm', real: '5.9.8', above: false });
    expect(nearestTree('debian-13', 'strongswan')).toEqual({ suite: 'trixie', real: '6.0.1', above: false });
  });

  it('falls back to the oldest build above it, marked, and to none for a line without one', () => {
    expect(nearestTree('el-10', 'libreswan')).toEqual({ suite: 'trixie', real: '5.2', above: true });
    expect(nearestTree('centos-7', 'strongswan')).toEqual({ suite: 'bullseye', real: '5.9.1', above: true });
    expect(nearestTree('centos-6', 'libreswan')).toBeUndefined();
    expect(nearestTree('ubuntu-22.04', 'libreswan')).toBeUndefined();
    expect(nearestTree('centos-6', 'strongswan')).toBeUndefined();
  });
});

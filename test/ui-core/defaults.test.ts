import { describe, expect, it } from 'vitest';
import { defaultPlan } from '../../src/core/index';
import { freshDefaults } from '../../src/ui/form/defaults';
import { formValuesFrom } from '../../src/ui/form/planForm';

describe('form defaults', () => {
  it('are the core’s defaultPlan(), delivered by the build plugin, and a fresh copy each time', () => {
    const first = freshDefaults();
    expect(first).toEqual(defaultPlan());
    first.peers[0]!.name = 'changed';
    expect(freshDefaults().peers[0]!.name).toBe(defaultPlan().peers[0]!.name);
  });

  it('restore a stored draft over the defaults, keeping invalid values visible', () => {
    const values = formValuesFrom({ router: { model: 'RTX1210', firmware: 'x' }, peers: [{ vps: { stack: 'libreswan' }, tunnel: { tunnelId: null } }] });
    expect(values.router).toEqual({ model: 'RTX1210', firmware: 'x' });
    expect(values.peers[0]!.vps.stack).toBe('libreswan');
    expect(values.peers[0]!.vps.target).toBe('debian-12');
    expect(Number.isNaN(values.peers[0]!.tunnel.tunnelId)).toBe(true);
    expect(values.home).toEqual(defaultPlan().home);
    expect(formValuesFrom('garbage')).toEqual(defaultPlan());
  });
});

import { describe, expect, it } from 'vitest';
import { ROUTERS, ROUTER_MODELS } from '../../src/core/caps/routers';
import { STACKS, TARGETS, VPS_TARGETS } from '../../src/core/caps/targets';
import { PROFILES, PROFILE_IDS } from '../../src/core/crypto/profiles';
import { generate } from '../../src/core/generate';
import { crossSideViolations } from './support/invariants';

const ACCESS = ['ds-lite', 'map-e', 'none'] as const;

interface Combination {
  readonly model: (typeof ROUTER_MODELS)[number];
  readonly target: (typeof VPS_TARGETS)[number];
  readonly stack: (typeof STACKS)[number];
  readonly profile: (typeof PROFILE_IDS)[number];
  readonly access: (typeof ACCESS)[number];
}

function planFor(c: Combination) {
  const router = ROUTERS[c.model];
  return {
    router: { model: c.model, firmware: router.exampleRevision },
    home: {
      wanInterface: router.wanInterfaces.includes('lan2') ? 'lan2' : router.wanInterfaces[0],
      lans: [{ interface: 'lan1', address: '192.168.10.1/24' }],
      ipv4Access: { kind: c.access, tunnelId: 1 },
      pppoe: { enabled: c.access !== 'none', pp: 1, filterBase: 400000 },
    },
    peers: [
      {
        name: 'matrix',
        vps: { target: c.target, stack: c.stack },
        tunnel: { crypto: PROFILES[c.profile].suite, psk: 'Matrix-Test-Key-0123456789abcdef' },
      },
    ],
  };
}

const combinations: Combination[] = ROUTER_MODELS.flatMap((model) =>
  VPS_TARGETS.flatMap((target) =>
    STACKS.flatMap((stack) => PROFILE_IDS.flatMap((profile) => ACCESS.map((access) => ({ model, target, stack, profile, access })))),
  ),
);

describe('scenario matrix: every router × VPS target × stack × crypto profile × IPv4 access', () => {
  const results = combinations.map((combination) => ({ combination, bundle: generate(planFor(combination)) }));
  const generated = results.filter((result) => result.bundle.files.length > 0);
  const refused = results.filter((result) => result.bundle.files.length === 0);

  it('covers the whole product of the tables', () => {
    expect(results.length).toBe(ROUTER_MODELS.length * VPS_TARGETS.length * STACKS.length * PROFILE_IDS.length * ACCESS.length);
    expect(generated.length).toBeGreaterThan(200);
  });

  it('keeps the cross-side invariants wherever files are generated', () => {
    const broken = generated
      .map((result) => ({ combination: result.combination, violations: crossSideViolations(result.bundle.files) }))
      .filter((result) => result.violations.length > 0);
    expect(broken).toEqual([]);
  });

  it('gives a reason, never files, for each impossible combination', () => {
    for (const result of refused) {
      const errors = result.bundle.findings.filter((finding) => finding.level === 'error');
      expect(errors.length, JSON.stringify(result.combination)).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error.message.ja.length).toBeGreaterThan(5);
        expect(error.message.en.length).toBeGreaterThan(5);
      }
    }
  });

  it('never generates where the tables forbid it', () => {
    for (const { combination, bundle } of generated) {
      const suite = PROFILES[combination.profile].suite;
      const router = ROUTERS[combination.model];
      const target = TARGETS[combination.target];
      const stack = target.stacks[combination.stack];
      expect(stack, JSON.stringify(combination)).toBeDefined();
      expect(stack!.dhGroups).toContain(suite.dhGroup);
      if (suite.dhGroup === 'modp1024') expect(target.legacyCrypto).toBe(true);
      if (suite.ikeVersion === 2) expect(router.ikev2SiteToSite).not.toBe(false);
      if (combination.access === 'map-e') expect(router.mapE).not.toBe(false);
      expect(bundle.findings.some((finding) => finding.level === 'error')).toBe(false);
    }
  });

  it.each([
    [{ model: 'NVR510', target: 'debian-12', stack: 'strongswan', profile: 'ikev2-recommended', access: 'ds-lite' }, 'crypto.ikev2.router', 'NVR510'],
    [{ model: 'RTX830', target: 'debian-12', stack: 'libreswan', profile: 'seed-compatible', access: 'ds-lite' }, 'crypto.dh.stack', 'libreswan 4.10'],
    [{ model: 'RTX830', target: 'debian-13', stack: 'strongswan', profile: 'seed-compatible', access: 'ds-lite' }, 'crypto.dh.legacy', 'modp1024'],
    [{ model: 'RTX830', target: 'el-9', stack: 'libreswan', profile: 'ikev1-modern', access: 'ds-lite' }, 'crypto.ikev1.stack', 'IKEv1'],
    [{ model: 'RTX5000', target: 'debian-12', stack: 'strongswan', profile: 'ikev2-recommended', access: 'map-e' }, 'router.feature', 'MAP-E'],
    [{ model: 'RTX830', target: 'centos-6', stack: 'strongswan', profile: 'seed-compatible', access: 'ds-lite' }, 'stack.unavailable', 'strongswan'],
  ] as const)('refuses %j with %s', (combination, code, mentioned) => {
    const findings = generate(planFor(combination)).findings.filter((finding) => finding.level === 'error');
    expect(findings.map((finding) => finding.code)).toContain(code);
    expect(findings.find((finding) => finding.code === code)!.message.en).toContain(mentioned);
  });

  it('changes the output where the real software differs', () => {
    const base = { model: 'RTX830', stack: 'libreswan', profile: 'ikev2-recommended', access: 'ds-lite' } as const;
    const conf = (target: (typeof VPS_TARGETS)[number]) =>
      generate(planFor({ ...base, target })).files.find((file) => file.path.endsWith('.conf') && file.path.includes('ipsec.d'))!.content;
    expect(conf('centos-7')).toContain('keylife=');
    expect(conf('debian-12')).toContain('salifetime=');
    expect(conf('debian-12')).toContain('dpdaction=restart');
    expect(conf('debian-13')).toContain('keyexchange=ikev2');
    expect(conf('debian-13')).not.toContain('dpdaction');
    expect(conf('debian-13')).toContain('ike=aes256-sha2_256;dh14');
    const rtx = (model: (typeof ROUTER_MODELS)[number]) =>
      generate(planFor({ ...base, model, target: 'debian-12', stack: 'strongswan' })).files.find((file) => file.path === 'router/rtx-config.txt')!.content;
    expect(rtx('RTX830')).toContain('proposal-limitation');
    expect(rtx('NVR700W')).not.toContain('proposal-limitation');
  });
});

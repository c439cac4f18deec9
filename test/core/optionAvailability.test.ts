import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROUTERS, ROUTER_MODELS } from '../../src/core/caps/routers';
import { STACKS, VPS_TARGETS } from '../../src/core/caps/targets';
import { DH_GROUPS, ENCRYPTIONS, HASHES } from '../../src/core/crypto/algorithms';
import { PROFILE_IDS, PROFILES } from '../../src/core/crypto/profiles';
import { checkDeployment } from '../../src/core/derive/checks';
import { deriveDeployment } from '../../src/core/derive/deployment';
import { availabilityOf, optionAvailability } from '../../src/core/optionAvailability';
import { parsePlan } from '../../src/core/plan/parsePlan';
import type { Plan } from '../../src/core/plan/schema';
import { loadExamples } from './support/examples';
import { validPlan } from './support/arbitraries';

const CRYPTO = 'peers.0.tunnel.crypto';

/** Every field the wizard offers as a list, with its candidates. */
const FIELDS: readonly (readonly [string, readonly unknown[]])[] = [
  ['router.model', ROUTER_MODELS],
  ['home.wanInterface', [...new Set(Object.values(ROUTERS).flatMap((caps) => [...caps.wanInterfaces, ...caps.lanInterfaces]))]],
  ['home.ipv4Access.kind', ['ds-lite', 'map-e', 'none']],
  ['peers.0.vps.target', VPS_TARGETS],
  ['peers.0.vps.stack', ['', ...STACKS]],
  [`${CRYPTO}.ikeVersion`, [1, 2]],
  [`${CRYPTO}.ikeEncryption`, ENCRYPTIONS],
  [`${CRYPTO}.ikeHash`, HASHES],
  [`${CRYPTO}.dhGroup`, DH_GROUPS],
  [`${CRYPTO}.espEncryption`, ENCRYPTIONS],
  [`${CRYPTO}.espIntegrity`, HASHES],
];

/** The question answered the slow way (the earlier implementation): a deep copy with the value set, parsed, derived, checked. */
function reference(plan: Plan, patch: Readonly<Record<string, unknown>>) {
  const candidate = structuredClone(plan) as unknown as Record<string, unknown>;
  for (const [path, value] of Object.entries(patch)) {
    const keys = path.split('.');
    let node = candidate;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    node[keys[keys.length - 1]!] = value;
  }
  const parsed = parsePlan(candidate);
  return (parsed.ok ? checkDeployment(deriveDeployment(parsed.plan)) : parsed.findings).filter((finding) => finding.level === 'error');
}

function expectSameAsReference(plan: Plan) {
  for (const [path, values] of FIELDS) {
    const expected = values.map((value) => {
      const problem = reference(plan, { [path]: value }).find((finding) => finding.path === path);
      return problem ? { value, available: false, reason: problem.message } : { value, available: true };
    });
    expect(optionAvailability(plan, path, values), path).toEqual(expected);
  }
  for (const id of PROFILE_IDS) {
    const patch = Object.fromEntries(Object.entries(PROFILES[id].suite).map(([key, value]) => [`${CRYPTO}.${key}`, value]));
    const expected = reference(plan, patch).find((finding) => finding.path.startsWith(`${CRYPTO}.`))?.message;
    expect(availabilityOf(plan).errorWith(patch, CRYPTO), id).toEqual(expected);
  }
}

describe('option availability from one derivation', () => {
  it('answers every list field and every crypto profile as parsing and checking each candidate would, for the examples', () => {
    for (const { name, plan: raw } of loadExamples()) {
      const parsed = parsePlan(raw);
      if (!parsed.ok) throw new Error(`${name} does not parse`);
      expectSameAsReference(parsed.plan);
    }
  });

  it('answers as parsing and checking each candidate would, for random plans (including ones the checks refuse)', () => {
    fc.assert(
      fc.property(validPlan, (raw) => {
        const parsed = parsePlan(raw);
        if (parsed.ok) expectSameAsReference(parsed.plan);
      }),
      { numRuns: 40 },
    );
  });

  it('does not change the plan it is asked about', () => {
    const parsed = parsePlan(loadExamples()[0]!.plan);
    if (!parsed.ok) throw new Error('example does not parse');
    const before = JSON.stringify(parsed.plan);
    optionAvailability(parsed.plan, `${CRYPTO}.dhGroup`, DH_GROUPS);
    optionAvailability(parsed.plan, 'home.ipv4Access.kind', ['ds-lite', 'map-e', 'none']);
    expect(JSON.stringify(parsed.plan)).toBe(before);
  });
});

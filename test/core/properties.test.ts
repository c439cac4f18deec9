import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/core/generate';
import { hostileText, validPlan } from './support/arbitraries';
import { bundleGrammarViolations } from './support/bundleGrammar';
import { crossSideViolations } from './support/invariants';

/** Issue budget: at least 10,000 random plans that generate, per CI run (PROPERTY_RUNS overrides locally). */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 10_000);
/** Random plans drawn; some are refused by the capability checks (covered below), the rest must number RUNS. */
const DRAWS = Math.ceil(RUNS * 1.6);

describe('random valid plans', () => {
  it(`generate files whose every line is one its dialect allows and whose two sides agree (≥ ${RUNS} generated plans)`, () => {
    let generated = 0;
    fc.assert(
      fc.property(validPlan, (plan) => {
        const bundle = generate(plan);
        if (bundle.files.length === 0) {
          const errors = bundle.findings.filter((finding) => finding.level === 'error');
          expect(errors.length).toBeGreaterThan(0);
          return;
        }
        generated++;
        expect(bundleGrammarViolations(bundle.files)).toEqual([]);
        expect(crossSideViolations(bundle.files)).toEqual([]);
        for (const file of bundle.files) expect(file.content).not.toMatch(/[\r\u2028\u2029\0]/);
      }),
      { numRuns: DRAWS },
    );
    expect(generated).toBeGreaterThanOrEqual(RUNS);
  });
});

const seed = JSON.parse(readFileSync('examples/seed.plan.json', 'utf8'));
const modern = JSON.parse(readFileSync('examples/debian12-strongswan-ikev2.plan.json', 'utf8'));

const TEXT_FIELDS = [
  'peers.0.name',
  'peers.0.description',
  'peers.0.tunnel.psk',
  'peers.0.vps.publicInterface',
  'peers.0.vps.privateInterface',
  'peers.0.vps.ipv6',
  'peers.0.vps.privateAddress',
  'home.wanIpv6',
  'home.wanInterface',
  'home.lans.0.address',
  'home.lans.0.interface',
  'router.firmware',
  'hgw.model',
  'hgw.address',
];

function withValue(base: unknown, path: string, value: unknown) {
  const plan = structuredClone(base) as Record<string, unknown>;
  const keys = path.split('.');
  let node = plan as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
  return plan;
}

describe('hostile text in every free-text field', () => {
  it.each(TEXT_FIELDS)('%s never adds a line, command, key or section', (path) => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom(seed, modern), (text, base) => {
        const bundle = generate(withValue(base, path, text));
        if (bundle.files.length === 0) {
          // Refused: the problem is reported on that very field.
          expect(bundle.findings.some((finding) => finding.level === 'error' && finding.path === path)).toBe(true);
          return;
        }
        expect(bundleGrammarViolations(bundle.files)).toEqual([]);
        expect(crossSideViolations(bundle.files)).toEqual([]);
        for (const file of bundle.files) expect(file.content).not.toMatch(/[\r\u2028\u2029\u0085\0]/);
      }),
      { numRuns: Math.max(200, Math.floor(RUNS / 20)) },
    );
  });
});

import { readFileSync } from 'node:fs';
import { deflateSync, strToU8 } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPlan, parsePlan, type Plan } from '../../src/core/index';
import { decodeShareLink, encodeShareLink, MAX_PAYLOAD, planDifference, toBase64Url } from '../../src/core/share/shareLink';

const seed = (): Plan => {
  const parsed = parsePlan(JSON.parse(readFileSync(new URL('../../examples/seed.plan.json', import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error('seed does not parse');
  return parsed.plan;
};

describe('share link', () => {
  it('round-trips the seed without its PSK by default', () => {
    const plan = seed();
    const hash = encodeShareLink(plan);
    expect(hash).toMatch(/^#v1\.[A-Za-z0-9_-]+$/);
    const decoded = decodeShareLink(hash);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.hasPsk).toBe(false);
    expect(decoded.plan.peers[0]!.tunnel.psk).toBe('');
    expect({ ...decoded.plan, peers: [{ ...decoded.plan.peers[0]!, tunnel: { ...decoded.plan.peers[0]!.tunnel, psk: plan.peers[0]!.tunnel.psk } }] }).toEqual(
      plan,
    );
  });

  it('never carries the PSK unless asked, and does when asked', () => {
    const plan = seed();
    const psk = plan.peers[0]!.tunnel.psk;
    expect(JSON.stringify(planDifference(plan))).not.toContain(psk);
    const decoded = decodeShareLink(encodeShareLink(plan, { includePsk: true }));
    expect(decoded.ok && decoded.plan.peers[0]!.tunnel.psk).toBe(psk);
    expect(decoded.ok && decoded.hasPsk).toBe(true);
  });

  it('keeps only what differs from the defaults', () => {
    expect(planDifference(defaultPlan())).toEqual({});
    const plan = defaultPlan();
    plan.router.model = 'RTX1210';
    expect(planDifference(plan)).toEqual({ router: { model: 'RTX1210' } });
    expect(decodeShareLink(encodeShareLink(defaultPlan()))).toMatchObject({ ok: true, plan: defaultPlan() });
  });

  it('names the reason for empty, foreign, truncated, oversized and invalid links', () => {
    const hash = encodeShareLink(seed());
    expect(decodeShareLink('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(decodeShareLink('#')).toMatchObject({ ok: false, reason: 'empty' });
    expect(decodeShareLink('#section-2')).toMatchObject({ ok: false, reason: 'foreign' });
    expect(decodeShareLink('#v2.abc')).toMatchObject({ ok: false, reason: 'foreign' });
    expect(decodeShareLink(hash.slice(0, hash.length - 12))).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(decodeShareLink(`#v1.${'A'.repeat(MAX_PAYLOAD + 1)}`)).toMatchObject({ ok: false, reason: 'too-large' });
    const bomb = `#v1.${toBase64Url(deflateSync(strToU8(`{"x":"${' '.repeat(200_000)}"}`)))}`;
    expect(decodeShareLink(bomb)).toMatchObject({ ok: false, reason: 'too-large' });
    const wrong = `#v1.${toBase64Url(deflateSync(strToU8('{"router":{"model":"RTX9999"}}')))}`;
    const result = decodeShareLink(wrong);
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(!result.ok && result.findings?.[0]?.path).toBe('router.model');
    expect(decodeShareLink(`#v1.${toBase64Url(deflateSync(strToU8('[1,2]')))}`)).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(decodeShareLink('#v1.!!!!')).toMatchObject({ ok: false, reason: 'corrupt' });
  });

  it('never throws on random input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        expect(() => decodeShareLink(text)).not.toThrow();
        expect(() => decodeShareLink(`#v1.${text}`)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expect(() => decodeShareLink(`#v1.${toBase64Url(bytes)}`)).not.toThrow();
        expect(() => decodeShareLink(`#v1.${toBase64Url(deflateSync(bytes))}`)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});

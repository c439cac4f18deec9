import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPlan, parsePlan, type Plan } from '../../src/core/index';
import { decodeShareLink, encodeShareLink, MAX_PAYLOAD, planDifference, toBase64Url } from '../../src/core/share/shareLink';

/** Raw deflate by another implementation (zlib) than the codec's, as fflate's was. */
const deflateRaw = (bytes: Uint8Array) => new Uint8Array(deflateRawSync(bytes));

const seed = (): Plan => {
  const parsed = parsePlan(JSON.parse(readFileSync(new URL('../../examples/seed.plan.json', import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error('seed does not parse');
  return parsed.plan;
};

describe('share link', () => {
  it('round-trips the seed without its PSK by default', async () => {
    const plan = seed();
    const hash = await encodeShareLink(plan);
    expect(hash).toMatch(/^#v1\.[A-Za-z0-9_-]+$/);
    const decoded = await decodeShareLink(hash);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.hasPsk).toBe(false);
    expect(decoded.plan.peers[0]!.tunnel.psk).toBe('');
    expect({ ...decoded.plan, peers: [{ ...decoded.plan.peers[0]!, tunnel: { ...decoded.plan.peers[0]!.tunnel, psk: plan.peers[0]!.tunnel.psk } }] }).toEqual(
      plan,
    );
  });

  it('never carries the PSK unless asked, and does when asked', async () => {
    const plan = seed();
    const psk = plan.peers[0]!.tunnel.psk;
    expect(JSON.stringify(planDifference(plan))).not.toContain(psk);
    const decoded = await decodeShareLink(await encodeShareLink(plan, { includePsk: true }));
    expect(decoded.ok && decoded.plan.peers[0]!.tunnel.psk).toBe(psk);
    expect(decoded.ok && decoded.hasPsk).toBe(true);
  });

  it('keeps only what differs from the defaults', async () => {
    expect(planDifference(defaultPlan())).toEqual({});
    const plan = defaultPlan();
    plan.router.model = 'RTX1210';
    expect(planDifference(plan)).toEqual({ router: { model: 'RTX1210' } });
    expect(await decodeShareLink(await encodeShareLink(defaultPlan()))).toMatchObject({ ok: true, plan: defaultPlan() });
  });

  it('names the reason for empty, foreign, truncated, oversized and invalid links', async () => {
    const hash = await encodeShareLink(seed());
    expect(await decodeShareLink('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(await decodeShareLink('#')).toMatchObject({ ok: false, reason: 'empty' });
    expect(await decodeShareLink('#section-2')).toMatchObject({ ok: false, reason: 'foreign' });
    expect(await decodeShareLink('#v2.abc')).toMatchObject({ ok: false, reason: 'foreign' });
    expect(await decodeShareLink(hash.slice(0, hash.length - 12))).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(await decodeShareLink(`#v1.${'A'.repeat(MAX_PAYLOAD + 1)}`)).toMatchObject({ ok: false, reason: 'too-large' });
    const bomb = `#v1.${toBase64Url(deflateRaw(Buffer.from(`{"x":"${' '.repeat(200_000)}"}`)))}`;
    expect(await decodeShareLink(bomb)).toMatchObject({ ok: false, reason: 'too-large' });
    const wrong = `#v1.${toBase64Url(deflateRaw(Buffer.from('{"router":{"model":"RTX9999"}}')))}`;
    const result = await decodeShareLink(wrong);
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(!result.ok && result.findings?.[0]?.path).toBe('router.model');
    expect(await decodeShareLink(`#v1.${toBase64Url(deflateRaw(Buffer.from('[1,2]')))}`)).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(await decodeShareLink('#v1.!!!!')).toMatchObject({ ok: false, reason: 'corrupt' });
  });

  it('never throws on random input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 400 }), async (text) => {
        await expect(decodeShareLink(text)).resolves.toBeDefined();
        await expect(decodeShareLink(`#v1.${text}`)).resolves.toBeDefined();
      }),
      { numRuns: 2000 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (bytes) => {
        await expect(decodeShareLink(`#v1.${toBase64Url(bytes)}`)).resolves.toBeDefined();
        await expect(decodeShareLink(`#v1.${toBase64Url(deflateRaw(bytes))}`)).resolves.toBeDefined();
      }),
      { numRuns: 2000 },
    );
  });

  it('decodes links deflated by another raw-deflate implementation (as the earlier fflate ones)', async () => {
    const plan = seed();
    const link = `#v1.${toBase64Url(deflateRaw(Buffer.from(JSON.stringify(planDifference(plan, { includePsk: true })))))}`;
    expect(await decodeShareLink(link)).toMatchObject({ ok: true, plan });
  });
});

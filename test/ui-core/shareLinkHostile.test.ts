import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/core/plan/parsePlan';
import { decodeShareLink, encodeShareLink, MAX_PAYLOAD, toBase64Url } from '../../src/core/share/shareLink';

const example = (name: string) => {
  const parsed = parsePlan(JSON.parse(readFileSync(`examples/${name}.plan.json`, 'utf8')));
  if (!parsed.ok) throw new Error(name);
  return parsed.plan;
};
const withoutPsk = (plan: ReturnType<typeof example>) => {
  const copy = structuredClone(plan);
  for (const peer of copy.peers) peer.tunnel.psk = '';
  return copy;
};

describe('links from the first released schema', () => {
  const fixture = JSON.parse(readFileSync('test/ui-core/fixtures/v1-links.json', 'utf8')) as { links: Record<string, string> };

  it.each(Object.entries(fixture.links))('%s still opens as the same plan', async (name, link) => {
    const decoded = await decodeShareLink(link);
    expect(decoded.ok).toBe(true);
    if (decoded.ok) {
      expect(decoded.plan).toEqual(withoutPsk(example(name)));
      expect(decoded.hasPsk).toBe(false);
    }
  });
});

const valid = await encodeShareLink(example('seed'));
const payload = valid.slice('#v1.'.length);

/** Mangled, truncated, oversized and foreign links: 10,000 per run in all. */
const hostileLink = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }).map((text) => `#v1.${text}`),
  fc.nat({ max: payload.length }).map((cut) => `#v1.${payload.slice(0, cut)}`),
  fc
    .tuple(fc.nat({ max: payload.length - 1 }), fc.constantFrom(...'ABCxyz019-_*%'.split('')))
    .map(([at, char]) => `#v1.${payload.slice(0, at)}${char}${payload.slice(at + 1)}`),
  fc.uint8Array({ maxLength: 400 }).map((bytes) => `#v1.${toBase64Url(bytes)}`),
  fc.nat({ max: 5000 }).map((extra) => `#v1.${'A'.repeat(MAX_PAYLOAD + 1 + extra)}`),
  fc.constantFrom('#v2.abc', '#/settings', '#', '', '#v1.', '#v1', 'v1.', '#V1.' + payload, '#access_token=abc'),
  fc.json().map((json) => `#v1.${Buffer.from(json).toString('base64url')}`),
);

describe('hostile share links', () => {
  it('never throw, never hang, and never yield an invalid plan (10,000 links)', async () => {
    await fc.assert(
      fc.asyncProperty(hostileLink, async (link) => {
        const result = await decodeShareLink(link);
        if (result.ok) expect(parsePlan(result.plan).ok).toBe(true);
        else expect(['empty', 'foreign', 'too-large', 'corrupt', 'invalid']).toContain(result.reason);
      }),
      { numRuns: 10_000 },
    );
  });

  it('refuse a deflate bomb', async () => {
    const bomb = new Uint8Array(2_000_000).fill(32);
    const link = `#v1.${toBase64Url(new Uint8Array(deflateRawSync(bomb, { level: 9 })))}`;
    const result = await decodeShareLink(link);
    expect(result.ok).toBe(false);
  });
});

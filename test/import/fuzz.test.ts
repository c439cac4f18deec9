import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factsToJson } from '../../src/core/import/extractFacts';
import { importRtxConfig, type RtxImport } from '../../src/core/import/importRtx';

const dir = join(__dirname, 'fixtures');
const fixtureLines = readdirSync(dir)
  .filter((name) => name.endsWith('.txt'))
  .flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n'));

/** What every result must be, whatever the input: problems with sane line numbers, JSON-able facts. */
function wellFormed(result: RtxImport, text: string): void {
  const lineCount = text.split(/\r\n|\r|\n/).length;
  for (const problem of result.problems) {
    expect(problem.line).toBeGreaterThanOrEqual(0);
    expect(problem.line).toBeLessThanOrEqual(lineCount);
    expect(problem.message.ja.length).toBeGreaterThan(0);
    expect(problem.message.en.length).toBeGreaterThan(0);
  }
  if (result.facts) JSON.stringify(factsToJson(result.facts, result.config.problems));
  else expect(result.problems.some((problem) => problem.level === 'error' && problem.line === 0)).toBe(true);
}

const mangle = fc.oneof(
  fc.constantFrom(...fixtureLines),
  fc.constantFrom(...fixtureLines).chain((line) => fc.nat(line.length).map((cut) => line.slice(0, cut))),
  fc.constantFrom(...fixtureLines).chain((line) => fc.string({ unit: 'binary', maxLength: 8 }).map((junk) => `${line}${junk}`)),
  fc.constantFrom(...fixtureLines).map((line) => line.replace(/\d+/g, '99999999999999999999')),
  fc.constantFrom(...fixtureLines).map((line) => line.split(' ').reverse().join(' ')),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    '"',
    "'",
    '\\',
    'tunnel select',
    'pp select',
    'ipsec ike',
    'ip route default gateway',
    'ipv6 lan2 secure filter in dynamic',
    '\u0000',
    '\u2028',
    '\ufeff',
  ),
);

describe('the RTX parser is total', () => {
  it('never throws on mangled configurations, control characters or random text', () => {
    fc.assert(
      fc.property(fc.array(mangle, { maxLength: 60 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
        const text = lines.join(eol);
        wellFormed(importRtxConfig(text), text);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => wellFormed(importRtxConfig(text), text)),
      { numRuns: 2000 },
    );
  });

  it('reads a huge configuration (20,000 lines) and one very long list line to the end', () => {
    const huge = Array.from({ length: 20000 }, (_, i) => fixtureLines[i % fixtureLines.length]).join('\n');
    const result = importRtxConfig(huge);
    expect(result.facts).toBeDefined();
    wellFormed(result, huge);
    const long = `ipv6 lan2 secure filter in ${Array.from({ length: 500 }, (_, i) => 100000 + i).join(' ')}`;
    expect(importRtxConfig(long).facts!.secureFilter.in).toHaveLength(500);
  });

  it('finds the same facts whatever the line endings', () => {
    const text = readFileSync(join(dir, 'rtx830-dslite-pppoe-l2tp.txt'), 'utf8');
    const lf = factsToJson(importRtxConfig(text).facts!, []);
    expect(factsToJson(importRtxConfig(text.replace(/\n/g, '\r\n')).facts!, [])).toEqual(lf);
    expect(factsToJson(importRtxConfig(`\ufeff${text}`).facts!, [])).toEqual(lf);
  });
});

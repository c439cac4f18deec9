import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveDeployment } from '../../src/core/derive/deployment';
import { generate, parsePlan, type Plan } from '../../src/core/index';
import { escapeXml, renderTopologySvg } from '../../src/core/render/docs/topologySvg';

const seed = (): Plan => {
  const parsed = parsePlan(JSON.parse(readFileSync(new URL('../../examples/seed.plan.json', import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error('seed does not parse');
  return parsed.plan;
};

/** A small XML well-formedness check: balanced tags, quoted attributes, no raw `<` or stray `&` in text. */
function wellFormedProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|([^<]+)|(<)/g;
  for (const match of xml.matchAll(token)) {
    const [, closing, name, , selfClosing, text, stray] = match;
    if (stray) problems.push(`stray < at ${match.index}`);
    else if (text !== undefined) {
      const bad = text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, '');
      if (bad.includes('&')) problems.push(`bare & in ${JSON.stringify(text.slice(0, 40))}`);
      if (stack.length === 0 && text.trim()) problems.push('text outside the root');
    } else if (name) {
      for (const attr of match[3]!.matchAll(/="([^"]*)"/g)) {
        if (attr[1]!.replace(/&(amp|lt|gt|quot|apos);/g, '').includes('&')) problems.push(`bare & in attribute of ${name}`);
      }
      if (closing) {
        if (stack.pop() !== name) problems.push(`unbalanced </${name}>`);
      } else if (!selfClosing) stack.push(name);
    }
  }
  if (stack.length) problems.push(`unclosed ${stack.join(',')}`);
  return problems;
}

describe('topology SVG', () => {
  it('is well-formed and shows both ends', () => {
    const svg = renderTopologySvg(deriveDeployment(seed()));
    expect(wellFormedProblems(svg)).toEqual([]);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const text of ['RTX830', '2001:db8:1::1', 'tunnel 2', '2001:db8:2::1', 'CentOS 6', 'libreswan', '192.168.10.0/23', '192.168.20.0/24', 'IKEv1']) {
      expect(svg).toContain(text);
    }
  });

  it('the checker catches broken XML', () => {
    expect(wellFormedProblems('<svg><g></svg>')).not.toEqual([]);
    expect(wellFormedProblems('<svg><text>a & b</text></svg>')).not.toEqual([]);
    expect(wellFormedProblems('<svg><text>a < b</text></svg>')).not.toEqual([]);
  });

  it('escapes names', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    const plan = seed();
    // The schema never admits these characters, but the renderer must stay safe if a caller bypasses it.
    (plan.peers[0] as { name: string }).name = 'a<b>&"c\'';
    (plan.router as { firmware: string }).firmware = '15.02.33<script>';
    const svg = renderTopologySvg(deriveDeployment(plan));
    expect(wellFormedProblems(svg)).toEqual([]);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('a&lt;b&gt;&amp;&quot;c&apos;');
  });

  it('is the docs/topology.svg file of the bundle', () => {
    const bundle = generate(seed());
    const file = bundle.files.find((f) => f.path === 'docs/topology.svg');
    expect(file?.language).toBe('svg');
    expect(file?.side).toBe('docs');
    expect(file?.content).toBe(renderTopologySvg(deriveDeployment(seed())));
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, type GeneratedFile } from '../../src/core/index';
import { heredocDelimiter, vpsHeredocScript } from '../../src/ui/download/heredoc';

const file = (path: string, content: string, mode?: GeneratedFile['mode']): GeneratedFile => ({
  path,
  content,
  language: 'shell',
  side: 'vps',
  title: { ja: 'x', en: 'x' },
  ...(mode ? { mode } : {}),
});

function run(script: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'heredoc-'));
  execFileSync('sh', ['-c', script], { cwd: dir });
  return dir;
}

describe('VPS heredoc script', () => {
  it('picks a delimiter that is not a line of the content', () => {
    expect(heredocDelimiter('a\nb\n')).toBe('RTX_VPS_EOF');
    expect(heredocDelimiter('RTX_VPS_EOF\nRTX_VPS_EOF_1\n')).toBe('RTX_VPS_EOF_2');
  });

  it('recreates tricky files byte for byte with their modes', () => {
    const files = [
      file('vps/a/b.sh', '#!/bin/sh\necho "$HOME" `x` \\ $(y)\nRTX_VPS_EOF\n', '0755'),
      file('vps/no-newline.txt', 'last line without newline'),
      file('vps/blank-tail.txt', 'x\n\n\n', '0600'),
      file("vps/it's.txt", ''),
    ];
    const dir = run(vpsHeredocScript(files, 'test'));
    for (const f of files) {
      expect(readFileSync(join(dir, f.path), 'utf8')).toBe(f.content);
      expect((statSync(join(dir, f.path)).mode & 0o777).toString(8).padStart(4, '0')).toBe(f.mode ?? '0644');
    }
  });

  it('recreates the seed bundle’s VPS files', () => {
    const seed = JSON.parse(readFileSync(new URL('../../examples/seed.plan.json', import.meta.url), 'utf8'));
    const bundle = generate(seed);
    const vps = bundle.files.filter((f) => f.side === 'vps');
    expect(vps.length).toBeGreaterThan(3);
    const dir = run(vpsHeredocScript(bundle.files, 'seed'));
    for (const f of vps) expect(readFileSync(join(dir, f.path), 'utf8')).toBe(f.content);
  });
});

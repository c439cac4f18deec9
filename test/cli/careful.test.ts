import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../src/core/bundle/types';
import { generate } from '../../src/core/generate';
import { parsePlan } from '../../src/core/plan/parsePlan';
import { withKeyFilesPrivate } from '../../src/cli/keyFiles';
import { IoError, readText } from '../../src/cli/readText';
import { writeBundleFolder, writeZipFile } from '../../src/cli/writeOutput';

const cli = (...args: string[]) => spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
const tmp = () => mkdtempSync(join(tmpdir(), 'cli-careful-'));
const seedPlan = () => JSON.parse(readFileSync('examples/seed.plan.json', 'utf8'));
const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);
const file = (path: string, content: string, mode?: GeneratedFile['mode']): GeneratedFile => ({
  path,
  content,
  language: 'rtx',
  side: 'router',
  title: { ja: path, en: path },
  mode,
});

// The spawned cases start tsx in a child process: generous timeouts, since the machine may be busy.
describe('the generate CLI as a careful Unix tool', { timeout: 300_000 }, () => {
  it('writes every file holding the key 0600, in the folder and in the zip, and the zip itself 0600; --zip creates its folder', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const zip = join(dir, 'deep', 'er', 'seed.zip');
    const result = cli('--plan', 'examples/seed.plan.json', '--out', out, '--zip', zip);
    expect(result.status, result.stderr).toBe(0);
    const psk = seedPlan().peers[0].tunnel.psk as string;
    const holders = generate(seedPlan()).files.filter((f) => f.content.includes(psk));
    expect(holders.map((f) => f.path)).toContain('router/rtx-config.txt');
    for (const holder of holders) expect(modeOf(join(out, holder.path)), holder.path).toBe('600');
    expect(modeOf(zip)).toBe('600');
    const archive = await JSZip.loadAsync(readFileSync(zip));
    for (const holder of holders) {
      const entry = archive.file(`${seedPlan().peers[0].name}/${holder.path}`)!;
      expect(((entry.unixPermissions as number) & 0o777).toString(8), holder.path).toBe('600');
    }
    expect(readdirSync(dir).sort()).toEqual(['deep', 'out']);
  });

  it('refuses a non-empty --out folder and an existing --zip unless --force, then replaces them whole', () => {
    const dir = tmp();
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'mine.txt'), 'keep me');
    const refused = cli('--plan', 'examples/seed.plan.json', '--out', out);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('is not empty; add --force');
    expect(readdirSync(out)).toEqual(['mine.txt']);
    const forced = cli('--plan', 'examples/seed.plan.json', '--out', out, '--force');
    expect(forced.status, forced.stderr).toBe(0);
    expect(existsSync(join(out, 'mine.txt'))).toBe(false);
    expect(existsSync(join(out, 'router', 'rtx-config.txt'))).toBe(true);
    expect(readdirSync(dir)).toEqual(['out']);
  });

  it('accepts a plan with a UTF-8 BOM, as the browser does; reports I/O errors as what they are', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bom.plan.json'), `\ufeff${readFileSync('examples/seed.plan.json', 'utf8')}`);
    const bom = cli('--plan', join(dir, 'bom.plan.json'), '--format', 'json');
    expect(bom.status, bom.stderr).toBe(0);
    writeFileSync(join(dir, 'a-file'), '');
    const io = cli('--plan', 'examples/seed.plan.json', '--out', join(dir, 'a-file', 'out'));
    expect(io.status).toBe(1);
    expect(io.stderr).toMatch(/a-file: .*exists and is not a folder \((EEXIST|ENOTDIR)\)/);
    expect(io.stderr).not.toContain('internal error');
  });
});

describe('writing output', () => {
  const psk = 'Sample-Key-0123456789';
  const files = [file('router/rtx-config.txt', `ipsec ike pre-shared-key 1 text ${psk}\n`), file('vps/run.sh', 'echo\n', '0755'), file('docs/a.md', 'hello\n')];

  it('marks exactly the files that hold a key 0600', () => {
    expect(withKeyFilesPrivate(files, [psk, '']).map((f) => f.mode)).toEqual(['0600', '0755', undefined]);
  });

  it('never writes through a symbolic link: --out or --zip being one is refused, the link target untouched', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'elsewhere'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'out'));
    expect(() => writeBundleFolder(join(dir, 'out'), files, true)).toThrow(/symbolic link/);
    writeFileSync(join(dir, 'victim'), 'precious');
    symlinkSync(join(dir, 'victim'), join(dir, 'bundle.zip'));
    expect(() => writeZipFile(join(dir, 'bundle.zip'), new Uint8Array([1, 2, 3]), true)).toThrow(/symbolic link/);
    expect(readdirSync(join(dir, 'elsewhere'))).toEqual([]);
    expect(readFileSync(join(dir, 'victim'), 'utf8')).toBe('precious');
    expect(lstatSync(join(dir, 'bundle.zip')).isSymbolicLink()).toBe(true);
  });

  it('leaves nothing half-written when a file cannot be written', () => {
    const dir = tmp();
    // "docs/a.md" then "docs/a.md/b": the second needs a folder where a file already is.
    expect(() => writeBundleFolder(join(dir, 'out'), [...files, file('docs/a.md/b', 'x')], false)).toThrow(IoError);
    expect(readdirSync(dir)).toEqual([]);
    mkdirSync(join(dir, 'kept'));
    writeFileSync(join(dir, 'kept', 'old.txt'), 'old');
    expect(() => writeBundleFolder(join(dir, 'kept'), [...files, file('docs/a.md/b', 'x')], true)).toThrow(IoError);
    expect(readdirSync(dir)).toEqual(['kept']);
    expect(readdirSync(join(dir, 'kept'))).toEqual(['old.txt']);
  });

  it('reads a missing file as an I/O error naming the cause', () => {
    expect(() => readText(join(tmp(), 'missing.json'))).toThrow(/no such file \(ENOENT\)/);
  });
});

describe('the inbound filter list message', () => {
  it('states the real limit of 120', () => {
    const plan = seedPlan();
    plan.home.filters.inbound = Array.from({ length: 121 }, (_, i) => 100000 + i);
    const result = parsePlan(plan);
    const problems = result.ok ? [] : result.findings;
    const finding = problems.find((f) => f.path === 'home.filters.inbound')!;
    expect(finding.message.en).toContain('120');
    expect(finding.message.ja).toContain('120');
  });
});

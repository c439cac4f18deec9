import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import JSZip from 'jszip';

/** Runs the CLI on a plan and returns its files (path → content). */
export function cliFiles(plan: unknown): Map<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'wizard-cli-'));
  const planFile = join(dir, 'plan.json');
  writeFileSync(planFile, JSON.stringify(plan));
  const out = join(dir, 'out');
  execFileSync('npx', ['tsx', 'src/cli/main.ts', '--plan', planFile, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
  return readTree(out);
}

export function readTree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(root, path), readFileSync(path, 'utf8'));
    }
  };
  walk(root);
  return files;
}

/** A zip's files (path inside `<folder>/` → content). */
export async function zipFiles(bytes: Buffer): Promise<{ folder: string; files: Map<string, string> }> {
  const zip = await JSZip.loadAsync(bytes);
  const files = new Map<string, string>();
  let folder = '';
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const [first, ...rest] = entry.name.split('/');
    folder = first!;
    files.set(rest.join('/'), await entry.async('string'));
  }
  return { folder, files };
}

export function runScript(script: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'wizard-heredoc-'));
  execFileSync('sh', ['-c', script], { cwd: dir });
  return dir;
}

export const seedPlan = (): Record<string, unknown> => JSON.parse(readFileSync('examples/seed.plan.json', 'utf8'));

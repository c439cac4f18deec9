import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generate } from '../../../src/core/generate';
import { loadExamples } from './examples';

/** Reviewed expected outputs: one folder per example plan, one file per generated file. */
export const GOLDEN_DIR = 'test/core/golden';

export interface GoldenCase {
  readonly name: string;
  readonly plan: unknown;
  readonly dir: string;
  readonly bundle: ReturnType<typeof generate>;
}

export function goldenCases(): GoldenCase[] {
  return loadExamples().map(({ name, plan }) => ({ name, plan, dir: join(GOLDEN_DIR, name), bundle: generate(plan) }));
}

/** Paths of every file below `dir`, relative to it, sorted. */
export function listGoldenFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const walk = (at: string): string[] =>
    readdirSync(at).flatMap((entry) => {
      const path = join(at, entry);
      return statSync(path).isDirectory() ? walk(path) : [relative(dir, path)];
    });
  return walk(dir).sort();
}

/** Golden folders that no example produces any more: left behind when an example is renamed or deleted. */
export function staleGoldenFolders(cases: readonly GoldenCase[]): string[] {
  const names = new Set(cases.map((entry) => entry.name));
  return readdirSync(GOLDEN_DIR)
    .filter((entry) => statSync(join(GOLDEN_DIR, entry)).isDirectory() && !names.has(entry))
    .sort();
}

export const readGolden = (dir: string, path: string): string => readFileSync(join(dir, path), 'utf8');

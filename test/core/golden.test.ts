import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/core/generate';
import { loadExamples } from './support/examples';

/**
 * Reviewed expected outputs for every example plan. After an intended change, regenerate with
 * `UPDATE_GOLDEN=1 npx vitest run test/core/golden.test.ts` and review the diff before committing.
 */
const GOLDEN_DIR = 'test/core/golden';
const update = process.env.UPDATE_GOLDEN === '1';

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

describe.each(loadExamples())('golden files of $name', ({ name, plan }) => {
  const bundle = generate(plan);
  const dir = join(GOLDEN_DIR, name);

  if (update) {
    rmSync(dir, { recursive: true, force: true });
    for (const file of bundle.files) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.content);
    }
  }

  it('generates without errors', () => {
    expect(bundle.findings.filter((finding) => finding.level === 'error')).toEqual([]);
  });

  it('produces exactly the reviewed set of files', () => {
    const expected = listFiles(dir)
      .map((path) => relative(dir, path))
      .sort();
    expect(bundle.files.map((file) => file.path).sort()).toEqual(expected);
  });

  it.each(bundle.files.map((file) => [file.path, file.content] as const))('%s matches its golden file', (path, content) => {
    expect(content).toBe(readFileSync(join(dir, path), 'utf8'));
  });

  it('is deterministic', () => {
    expect(generate(plan).files).toEqual(bundle.files);
  });
});

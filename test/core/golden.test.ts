import { describe, expect, it } from 'vitest';
import { generate } from '../../src/core/generate';
import { goldenCases, listGoldenFiles, readGolden, staleGoldenFolders } from './support/golden';

/**
 * Reviewed expected outputs for every example plan. After an intended change, run
 * `npm run golden:update`, read what it prints and the diff, and commit both with the reason.
 * This file only compares: a run can never pass by rewriting what it checks.
 */
if (process.env.CI && process.env.UPDATE_GOLDEN) {
  throw new Error('UPDATE_GOLDEN is set in CI: goldens are compared there, never rewritten. Unset it.');
}

const cases = goldenCases();

describe('golden folders', () => {
  it('belong to an existing example (no stale folder stays behind)', () => {
    expect(staleGoldenFolders(cases)).toEqual([]);
  });
});

describe.each(cases)('golden files of $name', ({ plan, dir, bundle }) => {
  it('generates without errors', () => {
    expect(bundle.findings.filter((finding) => finding.level === 'error')).toEqual([]);
  });

  it('produces exactly the reviewed set of files', () => {
    expect(bundle.files.map((file) => file.path).sort()).toEqual(listGoldenFiles(dir));
  });

  it.each(bundle.files.map((file) => [file.path, file.content] as const))('%s matches its golden file', (path, content) => {
    expect(content).toBe(readGolden(dir, path));
  });

  it('is deterministic', () => {
    expect(generate(plan).files).toEqual(bundle.files);
  });
});

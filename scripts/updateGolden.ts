/*
 * `npm run golden:update`: rewrites test/core/golden from the example plans and prints what changed
 * (added, changed with line counts, removed files; stale folders of deleted examples are removed),
 * so that a reviewer sees the consequence of a change before committing it.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { goldenCases, listGoldenFiles, readGolden, staleGoldenFolders, GOLDEN_DIR } from '../test/core/support/golden';

if (process.env.CI) {
  console.error('golden:update refuses to run in CI: goldens are reviewed outputs, compared there, never rewritten.');
  process.exit(2);
}

function lineDelta(before: string, after: string): string {
  const old = new Set(before.split('\n'));
  const now = new Set(after.split('\n'));
  const added = [...now].filter((line) => !old.has(line)).length;
  const removed = [...old].filter((line) => !now.has(line)).length;
  return `+${added} -${removed} lines`;
}

const cases = goldenCases();
const report: string[] = [];
for (const stale of staleGoldenFolders(cases)) {
  rmSync(join(GOLDEN_DIR, stale), { recursive: true, force: true });
  report.push(`removed folder  ${stale}/ (no example of that name)`);
}
for (const { name, dir, bundle } of cases) {
  const errors = bundle.findings.filter((finding) => finding.level === 'error');
  if (errors.length > 0) {
    console.error(`${name}: the example does not generate:\n${errors.map((e) => `  ${e.path}: ${e.message.en}`).join('\n')}`);
    process.exit(1);
  }
  const before = new Set(listGoldenFiles(dir));
  for (const file of bundle.files) {
    const target = join(dir, file.path);
    if (!before.has(file.path)) report.push(`added           ${name}/${file.path}`);
    else {
      const old = readGolden(dir, file.path);
      if (old !== file.content) report.push(`changed         ${name}/${file.path} (${lineDelta(old, file.content)})`);
      before.delete(file.path);
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  for (const gone of before) {
    rmSync(join(dir, gone));
    report.push(`removed         ${name}/${gone}`);
  }
}
console.log(report.length === 0 ? 'golden files unchanged' : report.join('\n'));
console.log('Review with `git diff test/core/golden` and say why in the commit message.');

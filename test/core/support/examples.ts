import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const EXAMPLES_DIR = 'examples';

/** Every examples/*.plan.json, by the name before `.plan.json`. */
export function loadExamples(): { readonly name: string; readonly plan: unknown }[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((file) => file.endsWith('.plan.json'))
    .sort()
    .map((file) => ({ name: file.replace(/\.plan\.json$/, ''), plan: JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) }));
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/ui/i18n/en';
import { detectLanguage, loadDictionary, translator } from '../../src/ui/i18n/index';
import { ja } from '../../src/ui/i18n/ja';

const UI = new URL('../../src/ui/', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'i18n' ? [] : sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('UI dictionaries', () => {
  it('have the same keys in Japanese and English', () => {
    const jaKeys = Object.keys(ja).sort();
    const enKeys = Object.keys(en).sort();
    expect(
      jaKeys.filter((key) => !enKeys.includes(key)),
      'missing in en.ts',
    ).toEqual([]);
    expect(
      enKeys.filter((key) => !jaKeys.includes(key)),
      'missing in ja.ts',
    ).toEqual([]);
  });

  it('have no empty text and the same placeholders in both languages', () => {
    for (const key of Object.keys(ja) as (keyof typeof ja)[]) {
      expect(ja[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      expect(names(en[key]), key).toEqual(names(ja[key]));
    }
  });

  it('has every key used somewhere in src/ui', () => {
    const code = sources(UI)
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    const unused = Object.keys(ja).filter((key) => !code.includes(`'${key}'`) && !code.includes(`"${key}"`));
    expect(unused, 'keys not used in src/ui').toEqual([]);
  });

  it('every key the code asks for exists', () => {
    const code = sources(UI)
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    const asked = [...code.matchAll(/\bt\(\s*'([^']+)'/g)].map((match) => match[1]!);
    expect(asked.length).toBeGreaterThan(50);
    expect(asked.filter((key) => !(key in ja))).toEqual([]);
  });

  it('interpolates and picks the language from the browser list', async () => {
    await loadDictionary('en');
    expect(translator('en')('nav.blocked', { n: 2 })).toBe('This step has 2 errors. Fix them to continue, or open a later step from the list above.');
    // English plurals: `{n:one|other}` picks by the number.
    expect(translator('en')('findings.errors', { n: 1 })).toBe('1 error');
    expect(translator('en')('findings.errors', { n: 0 })).toBe('0 errors');
    expect(detectLanguage(['ja-JP', 'en-US'])).toBe('ja');
    expect(detectLanguage(['en-GB', 'ja'])).toBe('en');
    expect(detectLanguage(['fr-FR', 'ja'])).toBe('ja');
    expect(detectLanguage(['de'])).toBe('en');
  });
});

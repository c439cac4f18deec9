import { expect, test as base, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Plan } from '../src/core/index';

/**
 * Every test records the page's requests and fails if one leaves the page's origin: the wizard must
 * never talk to the network (data: and blob: URLs stay inside the page).
 */
export const test = base.extend<{ offsite: string[] }>({
  offsite: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const offsite: string[] = [];
      page.on('request', (request) => {
        const url = request.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        if (new URL(url).origin !== origin) offsite.push(url);
      });
      await use(offsite);
      expect(offsite, 'requests that left the page origin').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export const SEED_PSK = 'ExampleOnly-Replace-Me-7fK2pQ9x';

/** Opens the wizard in a known state: Japanese, no draft. */
export async function openFresh(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.locator('#step-title')).toBeVisible();
}

/** The generated text shown in the preview's code panel. */
export const codePanel = (page: Page) => page.locator('#file-panel pre');

export async function loadPreset(page: Page, id: string): Promise<void> {
  await page.locator('#preset').selectOption(id);
  await page.getByRole('button', { name: /^(読み込む|Load)$/ }).click();
  await expect(page.locator('#preset')).toHaveValue(id);
  await expect(page.locator('#preset-state')).toContainText(/読み込み済み|Loaded/);
  await expect(page.locator('#preset-state')).not.toContainText(/変更あり|edited/);
}

/** The plan in the page's address bar, decoded by the real codec (undefined when there is none). */
export async function planInAddress(page: Page): Promise<Plan | undefined> {
  const hash = new URL(page.url()).hash;
  if (hash.length <= 1) return undefined;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'e2e/decodeLink.ts', hash]);
  return (JSON.parse(stdout) as Plan | null) ?? undefined;
}

/** The autosaved draft's values (undefined when there is none). */
export async function draftValues(page: Page): Promise<Plan | undefined> {
  const text = await page.evaluate(() => localStorage.getItem('rtx-vps-ipsec-wizard:draft:v1'));
  return text ? (JSON.parse(text) as { values: Plan }).values : undefined;
}

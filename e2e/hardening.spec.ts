import AxeBuilder from '@axe-core/playwright';
import { codePanel, draftValues, expect, openFresh, planInAddress, SEED_PSK, loadPreset, test } from './fixtures';

const STEP_COUNT = 6;

// One test per step: each runs axe once, so a busy machine cannot push six analyses past one timeout.
for (let step = 0; step < STEP_COUNT; step++) {
  test(`step ${step + 1} has no serious or critical accessibility violation (axe-core)`, async ({ page }) => {
    await openFresh(page);
    await page.locator('.steps button').nth(step).click();
    await expect(page.locator('#step-title')).toBeFocused();
    await expect(codePanel(page)).toContainText('tunnel select');
    const results = await new AxeBuilder({ page }).analyze();
    const severe = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    expect(severe).toEqual([]);
  });
}

test('the built page carries a CSP that allows no connections', async ({ page }) => {
  await openFresh(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("connect-src 'none'");
  expect(csp).toContain("default-src 'none'");
  expect(csp).not.toContain('unsafe-inline');
  // The policy is enforced: a fetch from the page is refused before it leaves.
  const outcome = await page.evaluate(() =>
    fetch('./index.html').then(
      () => 'sent',
      (error: Error) => `refused: ${error.message}`,
    ),
  );
  expect(outcome).toMatch(/^refused/);
});

test('the PSK never reaches the URL, storage, the findings or the console without the opt-in', async ({ page }) => {
  const console: string[] = [];
  page.on('console', (message) => console.push(message.text()));
  await openFresh(page);
  await loadPreset(page, 'seed');
  await page.locator('.steps button').nth(4).click();
  await page.locator('#f-peers-0-tunnel-psk').fill(SEED_PSK);
  await expect(codePanel(page)).toContainText('tunnel select 2');
  // Make a finding appear, then wait for the autosave and the share link to catch up.
  await page.locator('#f-peers-0-tunnel-ikeLifetime').fill('1000');
  await expect(page.locator('.findings')).toContainText('IKE SA');
  await expect.poll(async () => (await draftValues(page))?.peers[0]?.tunnel.ikeLifetime).toBe(1000);
  await expect.poll(async () => (await planInAddress(page))?.peers[0]?.tunnel.ikeLifetime).toBe(1000);
  const leaks = await page.evaluate((psk) => {
    const found: string[] = [];
    if (location.href.includes(psk)) found.push('url');
    for (const storage of [localStorage, sessionStorage]) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i)!;
        if ((storage.getItem(key) ?? '').includes(psk)) found.push(`storage:${key}`);
      }
    }
    if ((document.querySelector('.findings')?.textContent ?? '').includes(psk)) found.push('findings');
    return found;
  }, SEED_PSK);
  expect(leaks).toEqual([]);
  expect(console.filter((line) => line.includes(SEED_PSK))).toEqual([]);
});

test('after the first visit the wizard works with the network off', async ({ page, context }) => {
  await openFresh(page);
  // The service worker registers on the first interaction (so as not to add to the first load).
  await page.locator('.steps button').nth(1).click();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // Controlled after a reload; the precache holds every chunk of the build.
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('#step-title')).toBeVisible();
  // The restored draft has no key (it is never stored): generate one, offline, and get files.
  await page.locator('.steps button').nth(4).click();
  await page.getByRole('button', { name: '生成', exact: true }).click();
  await expect(codePanel(page)).toContainText('tunnel select 2');
  // Lazily loaded parts (later steps, preview, zip) come from the cache too.
  await page.locator('.steps button').nth(5).click();
  await expect(page.locator('#step-title')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /zip/ }).first().click();
  expect((await download).suggestedFilename()).toMatch(/\.zip$/);
  await context.setOffline(false);
});

test('the first screen shows generated files without the generator, which loads on the first interaction', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.js')) scripts.push(request.url());
  });
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  const panel = codePanel(page);
  await expect(panel).toContainText('tunnel select 2');
  // The visitor's own random key is in the boot preview, never the build-time stand-in.
  await expect(panel).toContainText(/ipsec ike pre-shared-key 1 text [A-Za-z0-9]{32}\n/);
  await expect(panel).not.toContainText('BootPreviewStandIn');
  expect(scripts.filter((url) => /\/(engine|parsePlan|Preview|WanStep)-/.test(url))).toEqual([]);
  await expect(page.getByRole('tab')).toHaveCount(0);
  await page.locator('.steps button').nth(1).click();
  await expect(page.getByRole('tab').first()).toBeVisible();
  expect(scripts.some((url) => /\/engine-/.test(url))).toBe(true);
});

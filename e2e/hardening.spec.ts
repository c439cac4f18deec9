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

test('the first screen shows generated files without the generator, which arrives while the page is idle, in one round', async ({ page }) => {
  // Hold the generator back: the first screen must not need it.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/engine-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  const panel = codePanel(page);
  await expect(panel).toContainText('tunnel select 2');
  // The visitor's own random key is in the boot preview, never the build-time stand-in.
  await expect(panel).toContainText(/ipsec ike pre-shared-key 1 text [A-Za-z0-9]{32}\n/);
  await expect(panel).not.toContainText('BootPreviewStandIn');
  await expect(page.getByRole('tab')).toHaveCount(0);
  release();
  // Without any interaction, the page has fetched the generator and the full preview.
  await expect(page.getByRole('tab').first()).toBeVisible();
  const timing = (await page.evaluate(`({
    idle: performance.getEntriesByName('idle-load')[0]?.startTime,
    scripts: performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js')).map((e) => ({ name: e.name.replace(/.*\\//, ''), start: e.startTime, end: e.responseEnd })),
  })`)) as { idle?: number; scripts: { name: string; start: number; end: number }[] };
  expect(timing.idle).toBeDefined();
  const first = timing.scripts.filter((script) => script.start < timing.idle!).map((script) => script.name);
  expect(first.filter((name) => /^(engine|parsePlan|Preview|highlight|WanStep)-/.test(name))).toEqual([]);
  const engine = timing.scripts.find((script) => script.name.startsWith('engine-'));
  const preview = timing.scripts.find((script) => script.name.startsWith('Preview-'));
  expect(engine && preview).toBeTruthy();
  // One round: the preview is requested before the generator has arrived, not after a re-render.
  expect(preview!.start).toBeLessThan(engine!.end);
});

import { PAUSE_MS } from '../src/ui/app/historyWriter';
import { expect, loadPreset, openFresh, planInAddress, SEED_PSK, test } from './fixtures';

test('share URL round trip in a fresh page, without the key', async ({ page, browser, baseURL }) => {
  await openFresh(page);
  await loadPreset(page, 'seed');
  await page.locator('.steps button').nth(4).click();
  await page.locator('#f-peers-0-tunnel-psk').fill(SEED_PSK);
  await page.locator('#f-peers-0-tunnel-tunnelId').fill('7');
  await expect.poll(async () => (await planInAddress(page))?.peers[0]?.tunnel.tunnelId).toBe(7);
  const url = page.url();
  expect(url).not.toContain(SEED_PSK);

  const fresh = await browser.newContext({ locale: 'ja-JP', baseURL });
  const other = await fresh.newPage();
  await other.goto(url);
  await other.locator('.steps button').nth(4).click();
  await expect(other.locator('#f-peers-0-tunnel-tunnelId')).toHaveValue('7');
  await expect(other.locator('#f-peers-0-tunnel-psk')).toHaveValue('');
  await expect(other.locator('#profile')).toHaveValue('seed-compatible');
  await other
    .locator('.steps button')
    .nth(3)
    .click()
    .catch(() => undefined);
  await expect(other.locator('#f-peers-0-vps-target')).toHaveValue('centos-6');
  await fresh.close();
});

test('the key goes into the link only after the explicit opt-in', async ({ page }) => {
  await openFresh(page);
  await page.locator('.steps button').nth(4).click();
  await page.locator('#f-peers-0-tunnel-psk').fill(SEED_PSK);
  await page.locator('.steps button').nth(5).click();
  const optIn = page.getByLabel('リンクに事前共有鍵を含める');
  await expect(optIn).not.toBeChecked();
  await expect.poll(() => page.locator('#share-url').inputValue()).toMatch(/#v1\./);
  const without = await page.locator('#share-url').inputValue();
  await optIn.check();
  await expect(page.locator('#share-psk-warning')).toContainText('危険');
  await expect.poll(() => page.locator('#share-url').inputValue()).not.toBe(without);
  const url = await page.locator('#share-url').inputValue();
  expect(url.length).toBeGreaterThan(without.length);
  // Opening it elsewhere restores the key.
  await page.goto('about:blank');
  await page.goto(url);
  await page.locator('.steps button').nth(4).click();
  await expect(page.locator('#f-peers-0-tunnel-psk')).toHaveValue(SEED_PSK);
});

test('back and forward move between states', async ({ page }) => {
  await openFresh(page);
  const model = page.locator('#f-router-model');
  await model.selectOption('RTX1210');
  await expect(page.locator('#f-router-firmware')).toHaveValue('14.01.42');
  await expect.poll(async () => (await planInAddress(page))?.router.model).toBe('RTX1210');
  // One history entry per pause (historyWriter.ts): let this edit's burst end before the next one.
  // A lower bound, not a budget: a slower machine only waits longer.
  await page.waitForTimeout(PAUSE_MS + 200);
  await model.selectOption('RTX1300');
  await expect.poll(async () => (await planInAddress(page))?.router.model).toBe('RTX1300');
  await page.goBack();
  await expect(model).toHaveValue('RTX1210');
  await page.goBack();
  await expect(model).toHaveValue('RTX830');
  await page.goForward();
  await expect(model).toHaveValue('RTX1210');
});

for (const [name, hash] of [
  ['damaged', '#v1.eJzLSM3JyQcABiwCFQ-broken!!'],
  ['truncated', '#v1.eJyrVipKzEtPVbJSMjIwMDRVqgUAK'],
  ['oversized', `#v1.${'A'.repeat(9000)}`],
  ['foreign', '#v9.something'],
] as const) {
  test(`a ${name} link shows a clear message over the default form`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`/${hash}`);
    await expect(page.getByRole('alert')).toContainText('共有リンクを開けませんでした');
    await expect(page.locator('#f-router-model')).toHaveValue('RTX830');
    await expect(page.locator('#step-title')).toContainText('ルーター');
    expect(errors).toEqual([]);
  });
}

import { expect, loadPreset, openFresh, SEED_PSK, test } from './fixtures';

/** docs/wizard.png for the README: `SCREENSHOT=1 npx playwright test screenshot`. */
test('README screenshot (seed preset, step 5)', async ({ page }) => {
  test.skip(!process.env.SCREENSHOT, 'set SCREENSHOT=1 to refresh docs/wizard.png');
  await page.setViewportSize({ width: 1440, height: 900 });
  await openFresh(page);
  await loadPreset(page, 'seed');
  await page.getByRole('button', { name: '閉じる' }).click();
  await page.locator('.steps button').nth(4).click();
  await page.locator('#f-peers-0-tunnel-psk').fill(SEED_PSK);
  await page.locator('#f-peers-0-tunnel-tunnelId').fill('3');
  await page.locator('#f-peers-0-tunnel-tunnelId').fill('2');
  await expect(page.locator('#file-panel pre')).toContainText('tunnel select 2');
  await page.locator('#step-title').focus();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'docs/wizard.png' });
});

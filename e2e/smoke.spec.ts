import { codePanel, expect, openFresh, test } from './fixtures';

test('the page opens and shows generated RTX text', async ({ page }) => {
  await openFresh(page);
  await expect(page.locator('h1')).toHaveText('RTX ⇄ VPS IPsec ウィザード');
  await expect(codePanel(page)).toContainText('tunnel select 2');
  await expect(page.locator('.topology img')).toBeVisible();
  await page.screenshot({ path: 'test-results/smoke.png' });
});

import { expect, openFresh, test } from './fixtures';

test('switching the language changes every text, and sticks', async ({ page }) => {
  await openFresh(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('h1')).toHaveText('RTX ⇄ VPS IPsec wizard');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('#step-title')).toContainText('Router');
  await expect(page.getByRole('button', { name: 'Next' })).toBeVisible();
  await expect(page.locator('.findings')).toContainText('documentation example');
  await page.reload();
  await expect(page.locator('h1')).toHaveText('RTX ⇄ VPS IPsec wizard');
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(page.locator('h1')).toHaveText('RTX ⇄ VPS IPsec ウィザード');
});

test.describe('an English browser', () => {
  test.use({ locale: 'en-US' });
  test('gets English first', async ({ page }) => {
    await openFresh(page);
    await expect(page.locator('h1')).toHaveText('RTX ⇄ VPS IPsec wizard');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});

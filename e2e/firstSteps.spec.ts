import { codePanel, expect, openFresh, test } from './fixtures';

// Issue 14, "what a new user stumbled on": each test fails on the wizard before the second pass.

test('pasted values are cleaned where unambiguous and explained where not', async ({ page }) => {
  await openFresh(page);
  const firmware = page.locator('#f-router-firmware');
  await firmware.fill('Rev.15.02.30 ');
  await expect(firmware).toHaveAttribute('aria-invalid', 'false');
  await expect(codePanel(page)).toContainText('Rev.15.02.30');
  await page.locator('.steps button').nth(1).click();
  const wan = page.locator('#f-home-wanIpv6');
  await wan.fill(' 2001:db8:1::5 ');
  await expect(wan).toHaveAttribute('aria-invalid', 'false');
  await expect(codePanel(page)).toContainText('ipsec ike local address 1 2001:db8:1::5\n');
  await wan.fill('2001:db8:1::5/64');
  await expect(page.locator('#f-home-wanIpv6-msg')).toContainText('「/64」を外してください: この欄にはプレフィックスではなく、アドレスそのものを入れます');
  await wan.fill('2001:db8:1::5%lan2');
  await expect(page.locator('#f-home-wanIpv6-msg')).toContainText('「%lan2」を外してください');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('#f-home-wanIpv6-msg')).toContainText('Remove the “%lan2”: a zone id belongs to link-local addresses');
});

test('an error does not lock later steps, and the current step with errors reads white on red', async ({ page }) => {
  await openFresh(page);
  await page.locator('.steps button').nth(1).click();
  await page.locator('#f-home-wanIpv6').fill('nonsense');
  const current = page.locator('.steps button[aria-current="step"]');
  await expect(current).toHaveClass(/has-errors/);
  const colors = await current.locator('.num').evaluate((element) => {
    const style = getComputedStyle(element);
    return { color: style.color, background: style.backgroundColor };
  });
  expect(colors).toEqual({ color: 'rgb(255, 255, 255)', background: 'rgb(201, 42, 42)' });
  for (const step of [2, 3, 4, 5]) {
    await page.locator('.steps button').nth(step).click();
    await expect(page.locator('.steps button').nth(step)).toHaveAttribute('aria-current', 'step');
  }
  await expect(page.locator('#download-blocked')).toContainText('エラーが');
});

test('the router step says how to reach the console and which lines replace settings', async ({ page }) => {
  await openFresh(page);
  await page.locator('#router-console summary').click();
  const help = page.locator('#router-console');
  await expect(help).toContainText('administrator');
  await expect(help).toContainText('TELNET');
  await expect(help).toContainText('SSH');
  await expect(help).toContainText('Web GUI');
  await expect(help).toContainText('ip route default');
  await expect(help).toContainText('フィルタの一覧全体を置き換えます');
  await expect(help).toContainText('show config');
});

test('each address says where to find it', async ({ page }) => {
  await openFresh(page);
  await page.locator('.steps button').nth(1).click();
  await expect(page.locator('#f-home-wanIpv6-hint')).toContainText('show ipv6 address');
  await expect(page.locator('#f-home-wanIpv6-hint')).toContainText('半固定');
  await page.locator('.steps button').nth(3).click();
  await expect(page.locator('#f-peers-0-vps-ipv6-hint')).toContainText('ip -6 addr');
  await expect(page.locator('#f-peers-0-vps-ipv6-hint')).toContainText('コントロールパネル');
});

test('a toast follows a language switch, and English counts are singular for one', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openFresh(page);
  await page.locator('.steps button').nth(5).click();
  await page.getByRole('button', { name: 'リンクをコピー' }).click();
  await expect(page.locator('p.sr-status')).toHaveText('リンクをコピーしました。');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('p.sr-status')).toHaveText('Link copied.');
  await page.locator('.steps button').nth(1).click();
  await page.locator('#f-home-wanIpv6').fill('nonsense');
  await expect(page.locator('.badge.error')).toHaveText(/^1 error$/);
});

test('a link without the key says it was left out on purpose and offers to enter the given key', async ({ page, browser, baseURL }) => {
  await openFresh(page);
  await page.locator('.steps button').nth(4).click();
  await page.locator('#f-peers-0-tunnel-tunnelId').fill('7');
  await page.locator('.steps button').nth(5).click();
  await expect.poll(() => page.locator('#share-url').inputValue()).toMatch(/#v1\./);
  const url = await page.locator('#share-url').inputValue();
  const context = await browser.newContext({ locale: 'ja-JP', baseURL });
  const other = await context.newPage();
  await other.goto(url);
  await expect(other.locator('.banner.info').first()).toContainText('意図的に外しています');
  await expect(other.locator('.banner.info').first()).toContainText('両端で同じ');
  await other.locator('.steps button').nth(4).click();
  await other.getByRole('button', { name: '受け取った鍵を入力' }).click();
  await expect(other.locator('#f-peers-0-tunnel-psk')).toBeFocused();
  await expect(other.locator('#f-peers-0-tunnel-psk')).toHaveAttribute('type', 'text');
  await context.close();
});

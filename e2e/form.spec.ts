import { codePanel, expect, loadPreset, openFresh, test } from './fixtures';

test('invalid inputs show messages next to the field and block Next', async ({ page }) => {
  await openFresh(page);
  await page.getByRole('button', { name: '次へ' }).click();
  const ipv6 = page.locator('#f-home-wanIpv6');
  await ipv6.fill('2001:db8::zz');
  await expect(ipv6).toHaveAttribute('aria-invalid', 'true');
  const message = page.locator('#f-home-wanIpv6-msg');
  await expect(message).toContainText('IPv6 アドレスの形式ではありません');
  await expect(ipv6).toHaveAttribute('aria-describedby', /f-home-wanIpv6-msg/);
  const next = page.getByRole('button', { name: '次へ' });
  await expect(next).toHaveAttribute('aria-disabled', 'true');
  await next.click({ force: true });
  await expect(page.locator('#step-title')).toContainText('自宅の WAN');
  await expect(page.locator('.nav .blocked')).toContainText('1 件のエラー');
  await expect(ipv6).toBeFocused();
  // One error does not lock the rest: later steps stay open from the step list.
  await expect(page.locator('.steps button').nth(3)).toBeEnabled();
  await ipv6.fill('2001:db8::1');
  await expect(ipv6).toHaveAttribute('aria-invalid', 'false');
  await next.click();
  await expect(page.locator('#step-title')).toContainText('LAN');
});

test('a finding links to its field, switching step', async ({ page }) => {
  await openFresh(page);
  await page.locator('.steps button').nth(3).click();
  await page.locator('#f-peers-0-vps-privateAddress').fill('192.168.10.5/24');
  const finding = page.locator('.findings li.error button').first();
  await expect(finding).toContainText('重なっています');
  await page.locator('.steps button').nth(0).click();
  await finding.click();
  await expect(page.locator('#step-title')).toContainText('VPS');
  await expect(page.locator('#f-peers-0-vps-privateAddress')).toBeFocused();
});

test('options the two ends cannot share are disabled with the reason', async ({ page }) => {
  await openFresh(page);
  await page.locator('.steps button').nth(3).click();
  await page.locator('#f-peers-0-vps-target').selectOption('el-9');
  await page.locator('.steps button').nth(4).click();
  const ike = page.locator('#f-peers-0-tunnel-crypto-ikeVersion');
  await expect(ike.locator('option[value="1"]')).toBeDisabled();
  await expect(page.locator('#f-peers-0-tunnel-crypto-dhGroup option[value="modp1024"]')).toBeDisabled();
  await ike.locator('..').getByText('選べない選択肢の理由').click();
  await expect(ike.locator('..')).toContainText('IKEv1');
  await expect(page.locator('#profile option[value="seed-compatible"]')).toBeDisabled();
});

test('the preview marks the lines an edit changed', async ({ page }) => {
  await openFresh(page);
  await expect(codePanel(page)).toContainText('tunnel select 2');
  await page.locator('.steps button').nth(4).click();
  await page.locator('#f-peers-0-tunnel-tunnelId').fill('5');
  await expect(codePanel(page)).toContainText('tunnel select 5');
  await expect(page.locator('#file-panel .ln.chg').first()).toBeVisible();
  await expect(page.locator('#file-panel .ln.chg', { hasText: 'tunnel select 5' })).toHaveCount(1);
});

test('a preset fills the form and keeps the key, so its files appear at once', async ({ page }) => {
  await openFresh(page);
  await expect(page.locator('#preset')).toHaveValue('');
  await expect(page.locator('#preset-state')).toContainText('プリセットではありません');
  await page.locator('.steps button').nth(4).click();
  const key = await page.locator('#f-peers-0-tunnel-psk').inputValue();
  expect(key).toMatch(/^[A-Za-z0-9]{32}$/);
  await loadPreset(page, 'debian12-strongswan-ikev2');
  await expect(page.locator('#preset')).toHaveValue('debian12-strongswan-ikev2');
  await expect(page.locator('#preset-state')).toHaveText('読み込み済み: Debian 12 + strongSwan (IKEv2)');
  await expect(page.locator('#f-peers-0-tunnel-psk')).toHaveValue(key);
  await expect(page.locator('.badge.ok')).toBeVisible();
  await expect(codePanel(page)).toContainText(`pre-shared-key 1 text ${key}`);
  await page.locator('.steps button').nth(3).click();
  await expect(page.locator('#f-peers-0-vps-target')).toHaveValue('debian-12');
  // An edit: the header no longer claims the preset as it was.
  await page.locator('#f-peers-0-vps-privateInterface').fill('eth2');
  await expect(page.locator('#preset-state')).toContainText('(変更あり)');
});

test('the whole flow works from the keyboard', async ({ page }) => {
  await openFresh(page);
  await page.locator('#f-router-model').focus();
  await page.keyboard.press('Tab'); // firmware
  await page.keyboard.press('Tab'); // "how to reach the console" details summary
  await page.keyboard.press('Tab'); // "unverified" details summary
  await page.keyboard.press('Tab'); // Back is disabled, so Next
  await expect(page.getByRole('button', { name: '次へ' })).toBeFocused();
  for (const title of ['自宅の WAN', 'LAN', 'VPS', 'トンネルと暗号', '確認とダウンロード']) {
    await page.getByRole('button', { name: '次へ' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#step-title')).toContainText(title);
    await expect(page.locator('#step-title')).toBeFocused();
  }
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /\.zip をダウンロード/ })).toBeFocused();
});

import { readFileSync } from 'node:fs';
import { draftValues, expect, loadPreset, openFresh, planInAddress, SEED_PSK, test } from './fixtures';
import { zipFiles } from './helpers';

test('reload restores the draft (without the key unless opted in)', async ({ page }) => {
  await openFresh(page);
  await page.locator('#f-router-model').selectOption('RTX1220');
  await page.locator('.steps button').nth(4).click();
  await page.locator('#f-peers-0-tunnel-psk').fill(SEED_PSK);
  await page.locator('#f-peers-0-tunnel-policyId').fill('9');
  // Wait for the state, not for a time: the address bar and the draft catch up after a pause.
  await expect.poll(async () => (await planInAddress(page))?.peers[0]?.tunnel.policyId).toBe(9);
  await expect.poll(async () => (await draftValues(page))?.peers[0]?.tunnel.policyId).toBe(9);
  // A plain reload keeps the address (with the plan in it) …
  await page.reload();
  await page.locator('.steps button').nth(4).click();
  await expect(page.locator('#f-peers-0-tunnel-policyId')).toHaveValue('9');
  await expect(page.locator('#f-peers-0-tunnel-psk')).toHaveValue('');
  // … and the bare address restores the autosaved draft, with its step.
  await page.locator('#f-peers-0-tunnel-policyId').fill('11');
  await page.getByLabel('この端末のブラウザに鍵も保存する').check();
  await page.locator('#f-peers-0-tunnel-psk').fill(SEED_PSK);
  await expect.poll(async () => (await draftValues(page))?.peers[0]?.tunnel.psk).toBe(SEED_PSK);
  await page.goto('/');
  await expect(page.locator('#step-title')).toContainText('トンネルと暗号');
  await expect(page.locator('#f-peers-0-tunnel-policyId')).toHaveValue('11');
  await expect(page.locator('#f-peers-0-tunnel-psk')).toHaveValue(SEED_PSK);
  const stored = await page.evaluate(() => JSON.stringify(localStorage));
  expect(stored).toContain('RTX1220');
});

test('the draft never holds the key without the opt-in', async ({ page }) => {
  await openFresh(page);
  await page.locator('.steps button').nth(4).click();
  await page.locator('#f-peers-0-tunnel-psk').fill(SEED_PSK);
  await page.locator('#f-peers-0-tunnel-policyId').fill('4');
  await expect.poll(async () => (await draftValues(page))?.peers[0]?.tunnel.policyId).toBe(4);
  const stored = await page.evaluate(() => localStorage.getItem('rtx-vps-ipsec-wizard:draft:v1') ?? '');
  expect(JSON.parse(stored).values.peers[0].tunnel.psk).toBe('');
  expect(stored).not.toContain(SEED_PSK);
});

test('Save then Load gives the same files', async ({ page }) => {
  await openFresh(page);
  await loadPreset(page, 'seed');
  await page.locator('.steps button').nth(4).click();
  await page.locator('#f-peers-0-tunnel-psk').fill(SEED_PSK);
  await page.locator('.steps button').nth(5).click();
  const zipButton = page.getByRole('button', { name: 'vps-rtx830.zip をダウンロード' });
  const first = page.waitForEvent('download');
  await zipButton.click();
  const before = await zipFiles(readFileSync((await (await first).path())!));

  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: 'JSON に保存' }).click();
  const planDownload = await saved;
  expect(planDownload.suggestedFilename()).toBe('vps-rtx830.plan.json');
  const planPath = (await planDownload.path())!;
  const plan = JSON.parse(readFileSync(planPath, 'utf8'));
  expect(plan.peers[0].tunnel.psk).toBe(SEED_PSK);

  await page.getByRole('button', { name: 'リセット' }).click();
  await page.getByRole('button', { name: 'リセットする' }).click();
  await expect(page.locator('#f-router-model')).toHaveValue('RTX830');
  await expect(page.locator('#step-title')).toContainText('ルーター');
  await page.locator('#load-file').setInputFiles(planPath);
  await expect(page.locator('.banner.info')).toContainText('読み込みました');
  await page.locator('.steps button').nth(5).click();
  const second = page.waitForEvent('download');
  await zipButton.click();
  const after = await zipFiles(readFileSync((await (await second).path())!));
  expect([...after.files.entries()]).toEqual([...before.files.entries()]);
});

test('a file that is not a plan is refused with a message', async ({ page }) => {
  await openFresh(page);
  await page.locator('#load-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"router":{"model":"RTX9"}}') });
  await expect(page.locator('.banner.info')).toContainText('router.model');
});

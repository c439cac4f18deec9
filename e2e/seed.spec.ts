import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, loadPreset, openFresh, SEED_PSK, test } from './fixtures';
import { cliFiles, readTree, runScript, seedPlan, zipFiles } from './helpers';

test('the seed scenario: all steps, download, same files as the CLI', async ({ page }) => {
  await openFresh(page);
  await loadPreset(page, 'seed');
  const next = page.getByRole('button', { name: '次へ' });
  const heading = page.locator('#step-title');

  await expect(page.locator('#f-router-model')).toHaveValue('RTX830');
  await next.click();
  await expect(heading).toContainText('自宅の WAN');
  await expect(heading).toBeFocused();
  await expect(page.locator('#f-home-wanIpv6')).toHaveValue('2001:db8:1::1');
  await expect(page.locator('#f-home-filters-outboundDynamic')).toHaveValue('101080 101081 101082 101083 101084 101085 101098 101099');
  await next.click();
  await expect(heading).toContainText('LAN');
  await expect(page.locator('#lans-aggregate')).toContainText('192.168.10.0/23');
  await next.click();
  await expect(heading).toContainText('VPS');
  await expect(page.locator('#f-peers-0-vps-target')).toHaveValue('centos-6');
  await next.click();
  await expect(heading).toContainText('トンネルと暗号');
  // The preset kept the visitor's key; the article's key goes in as someone given it would enter it.
  await expect(page.locator('#f-peers-0-tunnel-psk')).toHaveValue(/^[A-Za-z0-9]{32}$/);
  await page.locator('#f-peers-0-tunnel-psk').fill(SEED_PSK);
  await expect(page.locator('#profile')).toHaveValue('seed-compatible');
  await next.click();
  await expect(heading).toContainText('確認とダウンロード');

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'vps-rtx830.zip をダウンロード' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('vps-rtx830.zip');
  const { folder, files } = await zipFiles(readFileSync((await download.path())!));
  expect(folder).toBe('vps-rtx830');
  const expected = cliFiles(seedPlan());
  expect([...files.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [path, content] of expected) expect(files.get(path), path).toBe(content);
  expect(files.get('docs/topology.svg')).toContain('<svg');
});

test('copy as shell heredoc recreates the VPS files', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openFresh(page);
  await loadPreset(page, 'seed');
  await page.locator('.steps button').nth(4).click();
  await page.locator('#f-peers-0-tunnel-psk').fill(SEED_PSK);
  await page.locator('.steps button').nth(5).click();
  await page.getByRole('button', { name: 'VPS 側をシェルのヒアドキュメントでコピー' }).click();
  await expect(page.locator('p.sr-status')).toContainText('コピーしました');
  const script = await page.evaluate(() => navigator.clipboard.readText());
  const dir = runScript(script);
  const written = readTree(join(dir));
  const expected = [...cliFiles(seedPlan())].filter(([path]) => path.startsWith('vps/'));
  expect([...written.keys()].sort()).toEqual(expected.map(([path]) => path).sort());
  for (const [path, content] of expected) expect(written.get(path), path).toBe(content);
});

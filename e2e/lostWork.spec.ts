import { codePanel, draftValues, expect, openFresh, planInAddress, SEED_PSK, test } from './fixtures';

// Issue 14, "where work or secrets are lost": each test fails on the wizard before the second pass.

/** Makes a draft worth keeping: tunnel id 9 on the tunnel step, saved. */
async function makeDraft(page: import('@playwright/test').Page): Promise<string> {
  await openFresh(page);
  await page.locator('.steps button').nth(4).click();
  await page.locator('#f-peers-0-tunnel-tunnelId').fill('9');
  await expect.poll(async () => (await draftValues(page))?.peers[0]?.tunnel.tunnelId).toBe(9);
  await expect.poll(async () => (await planInAddress(page))?.peers[0]?.tunnel.tunnelId).toBe(9);
  return page.url();
}

test('opening a share link keeps the autosaved draft recoverable', async ({ page, browser, baseURL }) => {
  // Someone else's link (tunnel 7), made in another browser.
  const sender = await browser.newContext({ locale: 'ja-JP', baseURL });
  const senderPage = await sender.newPage();
  await openFresh(senderPage);
  await senderPage.locator('.steps button').nth(4).click();
  await senderPage.locator('#f-peers-0-tunnel-tunnelId').fill('7');
  await expect.poll(async () => (await planInAddress(senderPage))?.peers[0]?.tunnel.tunnelId).toBe(7);
  const link = senderPage.url();
  await sender.close();

  await makeDraft(page);
  await page.goto('about:blank');
  await page.goto(link);
  await expect(page.locator('#previous-draft')).toContainText('それまでの下書きは残してあります');
  await page.locator('.steps button').nth(4).click();
  await expect(page.locator('#f-peers-0-tunnel-tunnelId')).toHaveValue('7');
  // Even after the link's plan was autosaved, the previous draft comes back.
  await expect.poll(async () => (await draftValues(page))?.peers[0]?.tunnel.tunnelId).toBe(7);
  await page.getByRole('button', { name: '以前の下書きに戻す' }).click();
  await expect(page.locator('#f-peers-0-tunnel-tunnelId')).toHaveValue('9');
  await expect(page.locator('#previous-draft')).toHaveCount(0);
});

test('a reload of the same link does not offer a previous draft, and keeps the step', async ({ page }) => {
  await makeDraft(page);
  await page.reload();
  await expect(page.locator('#step-title')).toContainText('トンネルと暗号');
  await expect(page.locator('#f-peers-0-tunnel-tunnelId')).toHaveValue('9');
  await expect(page.locator('#previous-draft')).toHaveCount(0);
});

test('after a bad link, the first edit does not lose the draft', async ({ page }) => {
  await makeDraft(page);
  await page.goto('about:blank');
  await page.goto('/#v1.eJzLSM3JyQcABiwCFQ-broken!!');
  await expect(page.getByRole('alert')).toContainText('共有リンクを開けませんでした');
  await page.locator('.steps button').nth(0).click();
  await page.locator('#f-router-model').selectOption('RTX1220');
  await expect.poll(async () => (await draftValues(page))?.router.model).toBe('RTX1220');
  await page.getByRole('button', { name: '以前の下書きに戻す' }).click();
  await page.locator('.steps button').nth(4).click();
  await expect(page.locator('#f-peers-0-tunnel-tunnelId')).toHaveValue('9');
});

test('unticking "keep the key in this browser" right after a reload takes the key out of storage', async ({ page }) => {
  await openFresh(page);
  await page.locator('.steps button').nth(4).click();
  await page.getByLabel('この端末のブラウザに鍵も保存する').check();
  await page.locator('#f-peers-0-tunnel-psk').fill(SEED_PSK);
  await expect.poll(async () => (await draftValues(page))?.peers[0]?.tunnel.psk).toBe(SEED_PSK);
  await page.goto('/');
  await expect(page.locator('#f-peers-0-tunnel-psk')).toHaveValue(SEED_PSK);
  await page.getByLabel('この端末のブラウザに鍵も保存する').uncheck();
  await expect.poll(() => page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(SEED_PSK);
  await page.goto('/');
  await expect(page.locator('#f-peers-0-tunnel-psk')).toHaveValue('');
});

test.describe('a part of the page that cannot be loaded', () => {
  // The service worker would answer from its cache; these tests stand for a visit without it.
  test.use({ serviceWorkers: 'block' });
  test('Download says so and offers a retry that then works', async ({ page }) => {
    await openFresh(page);
    await page.locator('.steps button').nth(5).click();
    await expect(codePanel(page)).toContainText('tunnel select 2');
    // The zip's chunk is gone (a newer version was deployed over this one).
    await page.route(/\/assets\/zipBundle-[^/]*\.js$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.getByRole('button', { name: /\.zip をダウンロード/ }).click();
    await expect(page.locator('.banner.info')).toContainText('ページの一部を読み込めませんでした');
    await page.unroute(/\/assets\/zipBundle-[^/]*\.js$/);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'もう一度試す' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.zip$/);
  });

  test('a step whose code cannot be loaded says so and offers a reload', async ({ page }) => {
    await page.route(/\/assets\/LanStep-[^/]*\.js$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto('/');
    await page.locator('.steps button').nth(2).click();
    await expect(page.getByRole('alert')).toContainText('ページの一部を読み込めませんでした');
    await expect(page.getByRole('button', { name: '再読み込み' })).toBeVisible();
  });
});

test('two tabs do not overwrite each other’s draft without a word', async ({ page, context }) => {
  await makeDraft(page);
  const second = await context.newPage();
  await second.goto('/');
  await second.locator('.steps button').nth(4).click();
  await second.locator('#f-peers-0-tunnel-policyId').fill('5');
  await expect.poll(async () => (await draftValues(second))?.peers[0]?.tunnel.policyId).toBe(5);
  // The first tab is told, and stops saving over the second tab's draft.
  await expect(page.locator('#draft-conflict')).toContainText('別のタブ');
  await page.locator('#f-peers-0-tunnel-ikeLifetime').fill('7200');
  await page.locator('#f-peers-0-tunnel-tunnelId').fill('10');
  await expect(page.locator('#f-peers-0-tunnel-tunnelId')).toHaveValue('10');
  expect((await draftValues(page))?.peers[0]?.tunnel.policyId).toBe(5);
  await page.getByRole('button', { name: 'そのタブの内容を読み込む' }).click();
  await expect(page.locator('#f-peers-0-tunnel-policyId')).toHaveValue('5');
  await expect(page.locator('#draft-conflict')).toHaveCount(0);
});

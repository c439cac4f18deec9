import type { Browser, Page } from '@playwright/test';

/*
 * Keystroke latency as a visitor feels it: from the key's keydown to the first frame painted after
 * the preview shows what the key changed. Measured in the page itself (the keydown's timestamp, a
 * MutationObserver on the code panel, then requestAnimationFrame + a message to land after that
 * frame's paint), in Debian's Chromium, at 1× and 4× CPU (CDP Emulation.setCPUThrottlingRate).
 *
 * - First keystroke: a fresh page (empty cache), left alone until the network is idle and two seconds
 *   more; then the firmware field of step 1 is focused and its last digit replaced at once
 *   (15.02.33 → 15.02.34), which the router file's first line shows.
 * - Later keystrokes: on the tunnel step (the heaviest: crypto choices are checked against the
 *   plan), 30 characters appended one at a time to the tunnel description, which the router file
 *   shows as `description tunnel …`; each key waits for the previous one to reach the preview, then
 *   150 ms (a brisk typist).
 */

export interface KeystrokeFigures {
  readonly rate: number;
  readonly first: number;
  readonly later: readonly number[];
}

/*
 * The in-page probe, as source text: tsx compiles functions with a `__name` helper that does not
 * exist in the page, so a function passed to page.evaluate would fail there.
 */
const PROBE = `(expected) => {
  window.__keyLatency = new Promise((resolve, reject) => {
    let start;
    let done = false;
    const shown = () => document.getElementById('file-panel')?.textContent?.includes(expected) ?? false;
    const finish = () => {
      if (done || start === undefined || !shown()) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      const began = start;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - began);
        channel.port2.postMessage(null);
      });
    };
    const observer = new MutationObserver(finish);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    addEventListener('keydown', (event) => {
      start = event.timeStamp;
      queueMicrotask(finish);
    }, { capture: true, once: true });
    const timer = setTimeout(() => reject(new Error('the preview never showed ' + JSON.stringify(expected))), 60000);
  });
}`;

/** Arms the probe for the next keydown: its latency, once the preview shows `expected`. */
async function arm(page: Page, expected: string): Promise<void> {
  await page.evaluate(`(${PROBE})(${JSON.stringify(expected)})`);
}

const latency = (page: Page) => page.evaluate('window.__keyLatency') as Promise<number>;

const SELECT_LAST = `(input, fromEnd) => {
  input.focus();
  input.setSelectionRange(input.value.length - fromEnd, input.value.length);
}`;

/** Focuses a text field (the visitor's first interaction, when it is) with its last `fromEnd` characters selected. */
const focusEnd = (page: Page, selector: string, fromEnd: number) =>
  page.evaluate(`(${SELECT_LAST})(document.querySelector(${JSON.stringify(selector)}), ${fromEnd})`);

async function throttled(browser: Browser, rate: number): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { page, close: () => context.close() };
}

async function firstKeystroke(browser: Browser, url: string, rate: number): Promise<number> {
  const { page, close } = await throttled(browser, rate);
  try {
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.waitForTimeout(2000);
    const field = page.locator('#f-router-firmware');
    await field.waitFor();
    const value = await field.inputValue();
    if (!/^\d+\.\d+\.\d\d$/.test(value)) throw new Error(`unexpected firmware default ${value}`);
    const next = `${value.slice(0, -1)}${value.endsWith('4') ? '5' : '4'}`;
    await arm(page, `Rev.${next}`);
    await focusEnd(page, '#f-router-firmware', 1);
    await page.keyboard.press(next.slice(-1));
    return await latency(page);
  } finally {
    await close();
  }
}

async function laterKeystrokes(browser: Browser, url: string, rate: number, count: number): Promise<number[]> {
  const { page, close } = await throttled(browser, rate);
  try {
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.locator('nav.steps li').nth(4).locator('button').click();
    const field = page.locator('#f-peers-0-description');
    await field.waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    let text = await field.inputValue();
    await focusEnd(page, '#f-peers-0-description', 0);
    await page.waitForTimeout(500);
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const key = 'abcdefghijklmnopqrstuvwxyz'[i % 26]!;
      text += key;
      await arm(page, `description tunnel ${text}\n`);
      await page.keyboard.press(key);
      times.push(await latency(page));
      await page.waitForTimeout(150);
    }
    return times;
  } finally {
    await close();
  }
}

export async function keystrokeLatency(browser: Browser, url: string, rates: readonly number[], keys = 30): Promise<KeystrokeFigures[]> {
  const figures: KeystrokeFigures[] = [];
  for (const rate of rates) {
    figures.push({ rate, first: await firstKeystroke(browser, url, rate), later: await laterKeystrokes(browser, url, rate, keys) });
  }
  return figures;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

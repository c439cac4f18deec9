import { chromium, type Browser } from '@playwright/test';
import { spawn } from 'node:child_process';

/** Serves a build (`dist/` by default) with `vite preview` and opens Debian's Chromium; `close` stops both. */
export async function servedBuild(port: number, outDir = 'dist'): Promise<{ url: string; browser: Browser; close: () => Promise<void> }> {
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--outDir', outDir], { stdio: 'ignore', detached: true });
  const stop = () => {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  };
  try {
    const url = `http://localhost:${port}/`;
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(url).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    return {
      url,
      browser,
      close: async () => {
        await browser.close();
        stop();
      },
    };
  } catch (error) {
    stop();
    throw error;
  }
}

import { defineConfig } from '@playwright/test';

// Several checkouts may run e2e at once on one machine: E2E_PORT keeps their preview servers apart.
const port = Number(process.env.E2E_PORT ?? 4173);

/** e2e against the production build (`vite preview`), in Debian's Chromium (browsers cannot be downloaded here). */
export default defineConfig({
  testDir: 'e2e',
  // No test may depend on a wall-clock budget: the machine running them may be busy (a shared 2-core
  // CI box reached a load of 30). Tests wait for states, never for times; these limits only stop a
  // hung test, and are far above what any step takes under load. Timings belong in scripts/budgets.ts.
  timeout: 10 * 60_000,
  expect: { timeout: 90_000 },
  fullyParallel: true,
  // One browser per core: more only adds to the load the tests must then wait out.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}/`,
    headless: true,
    viewport: { width: 1440, height: 900 },
    locale: 'ja-JP',
    acceptDownloads: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 5 * 60_000,
  },
});

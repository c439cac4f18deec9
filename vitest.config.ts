import { defineConfig } from 'vitest/config';
import { defaultPlanPlugin } from './build/defaultPlanPlugin';

// No test may fail because a shared 2-core machine is busy: the limits below only stop a test that
// hangs for good (a deadlock, a daemon that never answers). Speed is measured by scripts/budgets.ts.
const HANG_LIMIT_MS = 30 * 60_000;

export default defineConfig({
  plugins: [defaultPlanPlugin()],
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    testTimeout: HANG_LIMIT_MS,
    hookTimeout: HANG_LIMIT_MS,
  },
});

import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3199);
/** The second server, on a throwaway PostgreSQL (e2e/postgres.spec.ts); `E2E_POSTGRES=0` leaves it out of a local run. */
const PG_PORT = Number(process.env.E2E_PG_PORT ?? PORT + 1);
const withPostgres = process.env.E2E_POSTGRES !== '0';
const clientDir: Record<string, string> = process.env.CHISO_CLIENT_DIR ? { CHISO_CLIENT_DIR: process.env.CHISO_CLIENT_DIR } : {};
const debianChromium = '/usr/bin/chromium';
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync(debianChromium) ? debianChromium : undefined);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    trace: 'off',
    launchOptions: {
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: /postgres\.spec\.ts/ },
    ...(withPostgres ? [{ name: 'postgres', use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${PG_PORT}` }, testMatch: /postgres\.spec\.ts/ }] : []),
  ],
  webServer: [
    {
      // The compiled server (scripts/chiso.mjs builds it when a source is newer), as `npm start` runs it.
      command: 'node scripts/chiso.mjs start',
      url: `http://127.0.0.1:${PORT}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      env: { PORT: String(PORT), HOST: '127.0.0.1', CHISO_DB: process.env.E2E_DB ?? './data/e2e.duckdb', ...clientDir },
      stdout: 'ignore',
    },
    ...(withPostgres
      ? [{
          command: 'node --import tsx scripts/e2e-postgres-server.ts',
          url: `http://127.0.0.1:${PG_PORT}/readyz`,
          timeout: 300_000,
          reuseExistingServer: false,
          env: { PORT: String(PG_PORT), HOST: '127.0.0.1', ...clientDir },
          // SIGTERM lets it stop and remove its PostgreSQL cluster; a kill would leave it (.ci/run sweeps those).
          gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 15_000 },
          stdout: 'ignore' as const,
        }]
      : []),
  ],
});

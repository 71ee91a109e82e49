import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { OUT } from './server-process';

/**
 * `npm run bench -- pages`: the built dashboard (npm start) on the demo data set (seeded into bench/out/pages-demo.duckdb
 * the first time), opened in Chromium as a signed-in leader, each page from a cold browser cache: the time from
 * navigation until the page's data is on screen (its marker, which needs its API answers, is visible), and the
 * script and style bytes it loaded (as sent, compressed).
 */
const PAGES: { path: string; marker: (page: Page) => Promise<void> }[] = [
  { path: '/', marker: (p) => p.getByText(/đơn vị dưới chỉ tiêu/).first().waitFor() },
  { path: '/rankings', marker: (p) => p.getByRole('link', { name: 'Phường Hoàn Kiếm' }).waitFor() },
  { path: '/flags', marker: (p) => p.getByRole('table').first().waitFor() },
  { path: '/units/00070', marker: (p) => p.getByRole('img', { name: /^(Nộp trực tuyến|Toàn trình|Đúng hạn): / }).first().waitFor() },
  { path: '/programme', marker: (p) => p.getByRole('table').first().waitFor() },
  { path: '/targets', marker: (p) => p.getByRole('table').first().waitFor() },
  { path: '/reports', marker: (p) => p.getByRole('heading', { level: 1 }).waitFor() },
];

const debianChromium = '/usr/bin/chromium';
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync(debianChromium) ? debianChromium : undefined);

export async function benchPages(): Promise<string[]> {
  mkdirSync(OUT, { recursive: true });
  const port = 39000 + Math.floor(Math.random() * 1000);
  const server = spawn(process.execPath, ['--import', 'tsx', new URL('../server/start.ts', import.meta.url).pathname], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CHISO_DB: `${OUT}pages-demo.duckdb`, CHISO_REPORT_SCHEDULE: 'off' },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (await fetch(`${base}/readyz`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const rows: string[] = [];
  try {
    for (const { path, marker } of PAGES) {
      // A fresh context: nothing cached, as on a first visit; signed in through the API first.
      const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
      const login = await context.request.post(`${base}/trpc/auth.login`, { data: { username: 'leader', password: 'leader-demo' } });
      if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`);
      const page = await context.newPage();
      // Warm the server's answers once (a leader's second visit), then measure a cold browser on a warm server.
      await page.goto(`${base}${path}`);
      await marker(page);
      await context.clearCookies();
      await context.request.post(`${base}/trpc/auth.login`, { data: { username: 'leader', password: 'leader-demo' } });
      const fresh = await context.newPage();
      await page.close();
      let assetBytes = 0;
      const t0 = performance.now();
      fresh.on('response', (response) => {
        if (/\.(js|css)$/.test(new URL(response.url()).pathname)) assetBytes += Number(response.headers()['content-length'] ?? 0);
      });
      await fresh.goto(`${base}${path}`, { waitUntil: 'commit' });
      await marker(fresh);
      const shown = performance.now() - t0;
      await fresh.waitForLoadState('networkidle');
      rows.push(`| ${path} | ${Math.round(shown)} ms | ${Math.round(assetBytes / 1024)} kB |`);
      await context.close();
    }
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
  const table = ['| page (demo, signed in as a leader, cold browser cache) | data on screen | scripts + styles loaded (compressed) |', '|---|---|---|', ...rows];
  for (const r of table) console.log(r);
  return table;
}

if (process.argv[2] === 'pages') await benchPages();

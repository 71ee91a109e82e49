import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The first sheet of a downloaded workbook as rows of plain values. */
async function rowsOf(download: Download): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0] as ExcelJS.Worksheet;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const noSideScroll = async (page: Page, width: number) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

test.describe('the unit page trend', () => {
  test('starts at the first period with data and fits its axis to show the gap to the target', async ({ page, signIn }) => {
    await signIn('leader');
    await page.goto('/units/00070?period=2025-W31');
    const trend = page.locator('section', { has: page.getByRole('heading', { name: 'Diễn biến' }) });
    // The 26 weeks up to 2025-W31 reach back to February; the demo's data start in July (2025-W27).
    await expect(trend.locator('.chart[role="img"]')).toHaveAttribute('aria-label', /^Nộp trực tuyến: 2025-W27 /);
    await expect(trend.getByTestId('trend-notes')).toContainText('Từ kỳ đầu tiên có số liệu (2025-W27).');
    await trend.getByRole('combobox').first().selectOption('onTimeRate');
    await expect(trend.getByTestId('trend-notes')).toContainText(/Trục dọc bắt đầu từ \d+(,\d+)?, không từ 0/);
  });
});

for (const viewport of [{ width: 1440, height: 900 }, { width: 768, height: 1024 }]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('the reports page says what it is making, when it is ready, and makes a new version only when asked', async ({ page, signIn }) => {
      await signIn('leader');
      await page.goto('/reports?period=2025-W30');
      const form = page.locator('form', { has: page.getByRole('heading', { name: /Lập báo cáo/ }) });
      await form.getByRole('combobox', { name: 'Định dạng' }).selectOption('csv');
      await form.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption('en');
      const submit = form.getByRole('button', { name: /^(Lập báo cáo|Lập phiên bản mới)$/ });
      await expect(submit).toBeInViewport();
      await submit.click();
      const status = form.getByRole('status');
      await expect(status).toContainText(/Đã lập xong báo cáo 2025-W30 \(CSV, English\), phiên bản \d+\./);
      const version = Number(/phiên bản (\d+)/.exec((await status.textContent()) ?? '')?.[1]);
      // Now that it exists, the page says so and the one button makes a new version, explicitly.
      await expect(form.getByTestId('report-exists')).toContainText(`Đã có phiên bản ${version}`);
      await form.getByRole('button', { name: 'Lập phiên bản mới' }).click();
      await expect(status).toContainText(`phiên bản ${version + 1}.`);
      const row = page.getByRole('row').filter({ hasText: '2025-W30' }).filter({ hasText: 'CSV' }).first();
      await expect(row).toContainText('English');
      await expect(row).toContainText('Sẵn sàng');
      // The download is in view without scrolling the table sideways, and the period is not split at its hyphen.
      await expect(row.getByRole('link', { name: /Tải về/ })).toBeInViewport({ ratio: 1 });
      const lines = (cell: HTMLElement) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      };
      await expect(row.getByRole('cell').first()).toHaveText('2025-W30');
      expect(await row.getByRole('cell').first().evaluate(lines)).toBe(1);
      expect(await row.getByRole('link', { name: /Tải về/ }).evaluate((a) => new Set([...a.getClientRects()].map((r) => Math.round(r.top))).size)).toBe(1);
      await expect(page.getByRole('cell', { name: /^(vi|en)$/ })).toHaveCount(0);
      await noSideScroll(page, viewport.width);
    });
  });
}

for (const viewport of [{ width: 1024, height: 768 }, { width: 768, height: 1024 }]) {
  test.describe(`exports and flag filters on a ${viewport.width}×${viewport.height} tablet`, () => {
    test.use({ viewport });

    test('exports the rankings view in force: group, filters, period and headers in Vietnamese', async ({ page, signIn }) => {
      await signIn('leader');
      await page.goto('/rankings?period=2025-W31&group=department&state=below');
      const count = page.getByText(/^\d+ \/ \d+ đơn vị$/);
      await expect(count).toBeVisible();
      const [shown] = /^\d+/.exec((await count.textContent()) ?? '') ?? ['0'];
      const link = page.getByRole('link', { name: 'Xuất bảng đang xem (XLSX)' });
      await expect(link).toBeInViewport();
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe('chiso-ranking-2025-W31-department.xlsx');
      const rows = await rowsOf(download);
      expect(String(rows[0]?.[0])).toBe('Xếp hạng: Sở, ban, ngành');
      expect(String(rows[1]?.[0])).toContain('Kỳ 2025-W31');
      expect(String(rows[3]?.[0])).toContain('trạng thái: Có chỉ tiêu chưa đạt');
      const header = rows.findIndex((r) => r[0] === 'Hạng');
      expect(rows[header]?.slice(0, 4)).toEqual(['Hạng', '±', 'Mã', 'Đơn vị']);
      expect(rows.length - header - 1).toBe(Number(shown));
      await noSideScroll(page, viewport.width);
    });

    test('filters the flag list by group and target missed, labels each number, and exports what it shows', async ({ page, signIn }) => {
      await signIn('leader');
      await page.goto('/flags?period=2025-W31');
      await page.getByRole('combobox', { name: 'Nhóm đơn vị' }).selectOption('department');
      await page.getByRole('combobox', { name: 'Chỉ tiêu chưa đạt' }).selectOption('onlineRate');
      await expect(page).toHaveURL(/group=department/);
      await expect(page).toHaveURL(/measure=onlineRate/);
      const body = page.getByRole('table').locator('tbody tr');
      await expect(body.first()).toBeVisible();
      // Every row shown is a department below on online submission (retried until the filters have applied).
      await expect(body.filter({ hasNotText: 'Sở, ban, ngành' })).toHaveCount(0);
      await expect(body.filter({ hasNotText: 'Nộp trực tuyến' })).toHaveCount(0);
      const n = await body.count();
      await expect(page.getByText(new RegExp(`^${n} / \\d+ đơn vị$`))).toBeVisible();
      await expect(body.first()).toContainText(/Chênh lệch [−+-]?\d+(,\d+)? · \d+ kỳ liên tiếp/);
      const link = page.getByRole('link', { name: 'Xuất bảng đang xem (XLSX)' });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const rows = await rowsOf(download);
      const header = rows.findIndex((r) => r[0] === 'Mã');
      const data = rows.slice(header + 1);
      expect(data.length).toBe(n);
      expect(data.every((r) => r[2] === 'Sở, ban, ngành' && r[4] === 'Nộp trực tuyến')).toBe(true);
      await noSideScroll(page, viewport.width);
    });
  });
}

test.describe('programme KPIs beside the dossier measures', () => {
  test('are named from the catalogue in targets, rankings, flags and notices, never by a translation key', async ({ page, signIn }) => {
    await signIn('admin');
    await page.goto('/targets');
    await expect(page.getByRole('cell', { name: 'Tỷ lệ giao dịch thanh toán không dùng tiền mặt', exact: true }).first()).toBeVisible();
    for (const path of ['/targets', '/rankings', '/flags', '/notices', '/']) {
      await page.goto(path);
      await expect(page.locator('main h1')).toBeVisible();
      await page.waitForLoadState('networkidle');
      await expect(page.locator('main'), path).not.toContainText(/measures\.[A-Za-z]/);
    }
    // A ranking row's badges name a programme KPI as the catalogue does, where one is below its target.
    await page.goto('/rankings');
    const badges = page.getByRole('table').locator('.flag-list .badge');
    await expect(badges.first()).toBeVisible();
    expect((await badges.allTextContents()).some((b) => b.startsWith('▼ Tỷ lệ ') || b.startsWith('! Tỷ lệ '))).toBe(true);
  });
});

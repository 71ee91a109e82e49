import { expect, test } from './fixtures';

test.describe('a city leader on Monday morning', () => {
  test.beforeEach(async ({ signIn }) => {
    await signIn('leader');
  });

  test('opens the overview and sees how the city stands against each target, for which week, on demo data', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Tổng quan' })).toBeVisible();
    await expect(page.getByRole('note')).toContainText('Dữ liệu minh họa');
    const communes = page.getByRole('region', { name: /Xã, phường/ });
    await expect(communes.getByRole('heading', { name: 'Nộp trực tuyến' })).toBeVisible();
    await expect(communes.getByText(/Chỉ tiêu 60,00 %/)).toBeVisible();
    await expect(page.getByText(/Số liệu tính đến \d{2}\/\d{2}\/\d{4}/).first()).toBeVisible();
    await expect(communes.getByText(/\d+ \/ 126 đơn vị dưới chỉ tiêu/)).toBeVisible();
  });

  test('finds a ward in the ranking by typing its name without diacritics, and opens its page', async ({ page }) => {
    await page.goto('/rankings');
    const search = page.getByRole('searchbox');
    await search.fill('hoan kiem');
    const link = page.getByRole('link', { name: 'Phường Hoàn Kiếm' });
    await expect(link).toBeVisible();
    await expect(page.getByRole('link', { name: 'Phường Ba Đình' })).toHaveCount(0);
    await expect(page).toHaveURL(/q=hoan(\+|%20)kiem/);
    await link.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Phường Hoàn Kiếm' })).toBeVisible();
    await expect(page.getByText('Chủ tịch UBND Phường Hoàn Kiếm')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Thủ tục kéo chỉ số xuống' })).toBeVisible();
    await expect(page.getByRole('img', { name: /^(Nộp trực tuyến|Toàn trình|Đúng hạn): \d{4}-W\d{2} / })).toBeVisible();
  });

  test('ranks all 126 communes and wards, with units under the minimum volume apart', async ({ page }) => {
    await page.goto('/rankings');
    await expect(page.getByText('126 / 126 đơn vị')).toBeVisible();
    await expect(page.getByRole('table', { name: /Chưa xếp hạng/ })).toBeVisible();
  });

  test('switches to the departments and sorts them by a measure, and the URL keeps both', async ({ page }) => {
    await page.goto('/rankings');
    await page.getByRole('button', { name: 'Sở, ban, ngành' }).click();
    await expect(page).toHaveURL(/group=department/);
    await expect(page.getByRole('link', { name: 'Sở Tư pháp' })).toBeVisible();
    await page.getByRole('button', { name: /^Nộp trực tuyến/ }).first().click();
    await expect(page).toHaveURL(/group=department.*sort=onlineRate|sort=onlineRate.*group=department/);
    const rates = await page.getByRole('table').first().locator('tbody tr td:nth-child(5)').allInnerTexts();
    const values = rates.map((r) => Number(r.replace(' %', '').replace(',', '.'))).filter((v) => !Number.isNaN(v));
    expect(values.length).toBeGreaterThan(5);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  test('switches to English and back, and the choice is remembered', async ({ page }) => {
    await page.goto('/rankings');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Rankings' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Communes and wards' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Rankings' })).toBeVisible();
    await expect(page.getByRole('cell', { name: /\d+\.\d{2} %/ }).first()).toBeVisible();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Xếp hạng' })).toBeVisible();
    await expect(page.getByRole('cell', { name: /\d+,\d{2} %/ }).first()).toBeVisible();
  });

  test('sees a flagged unit in the flags list with its accountable head and how long it has been below', async ({ page }) => {
    await page.goto('/flags');
    await expect(page.getByRole('heading', { level: 1, name: 'Đơn vị dưới chỉ tiêu' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Chỉ tiêu chưa đạt' })).toBeVisible();
    const firstRow = page.getByRole('row').nth(1);
    await expect(firstRow.getByRole('cell').nth(1)).toHaveText(/^(Chủ tịch UBND|Giám đốc|Chánh|Trưởng) /);
    await expect(firstRow.getByRole('cell').nth(2)).toContainText(/(Nộp trực tuyến|Toàn trình|Đúng hạn) [\d,]+ % \/ [\d,]+ %/);
    await expect(firstRow.getByRole('cell').nth(3)).toHaveText(/^[1-9]\d*$/);
  });

  test('opens a forwarded link on the same view: department ranking of a given week', async ({ page }) => {
    await page.goto('/rankings?period=2025-W31&group=department');
    await expect(page.getByText('2025-W31', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sở, ban, ngành' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('link', { name: 'Sở Tư pháp' })).toBeVisible();
  });
});

test.describe('a data officer', () => {
  test.beforeEach(async ({ signIn }) => {
    await signIn('officer');
  });

  test('uploads a malformed file and reads which row and column are wrong; nothing is imported', async ({ page }) => {
    await page.goto('/imports');
    await page.getByLabel('Loại dữ liệu').selectOption('dossiers');
    const csv = 'Mã hồ sơ;Mã đơn vị;Mã TTHC;Kênh thực hiện;Toàn trình;Ngày tiếp nhận;Ngày hẹn trả\nE2E-1;00070;1.001193;Trực tuyến;Có;31/02/2026 08:00;05/03/2026\nE2E-2;99999;1.001193;fax;Không;01/03/2026;05/03/2026\n';
    await page.getByLabel('Tệp CSV hoặc XLSX').setInputFiles({ name: 'ho-so-loi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Nhập', exact: true }).click();
    const report = page.getByRole('alert');
    await expect(report).toContainText('Không nhập ho-so-loi.csv: có 3 lỗi, chưa ghi dữ liệu nào.');
    await expect(report).toContainText('Dòng 2, cột “Ngày tiếp nhận” (“31/02/2026 08:00”): không phải ngày có thật trên lịch');
    await expect(report).toContainText('Dòng 3, cột “Mã đơn vị” (“99999”): không phải đơn vị đã có');
    await expect(report).toContainText('Dòng 3, cột “Kênh thực hiện” (“fax”): không phải kênh nộp');
    await expect(page.getByRole('cell', { name: 'ho-so-loi.csv' }).first()).toBeVisible();
  });
});

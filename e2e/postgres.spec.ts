import { expect, test } from './fixtures';

// These journeys run against the second web server of playwright.config.ts: chiso on a throwaway PostgreSQL
// (scripts/e2e-postgres-server.ts) with four weeks of the demo. The other journeys run on DuckDB.

/** Yesterday, Vietnam time, as an office writes it (dd/mm/yyyy). */
function yesterdayInVietnam(): string {
  const d = new Date(Date.now() + 7 * 3_600_000 - 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

test('a data officer imports dossiers into PostgreSQL and a malformed file is refused by row and column', async ({ page, signIn }) => {
  await signIn('officer');
  await page.goto('/imports');
  const day = yesterdayInVietnam();
  const run = Date.now().toString(36);
  const rows = Array.from({ length: 40 }, (_, i) => `PG-${run}-${i};00070;1.001193;Trực tuyến;Có;${day} 08:00;${day}`);
  const good = `Mã hồ sơ;Mã đơn vị;Mã TTHC;Kênh thực hiện;Toàn trình;Ngày tiếp nhận;Ngày hẹn trả\n${rows.join('\n')}\n`;
  await page.getByLabel('Loại dữ liệu').selectOption('dossiers');
  await page.getByLabel('Tệp CSV hoặc XLSX').setInputFiles({ name: 'ho-so-pg.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await page.getByRole('button', { name: 'Nhập', exact: true }).click();
  await expect(page.getByText('Đã nhập 40 dòng từ ho-so-pg.csv.')).toBeVisible();

  const bad = 'Mã hồ sơ;Mã đơn vị;Mã TTHC;Kênh thực hiện;Toàn trình;Ngày tiếp nhận;Ngày hẹn trả\nE2E-1;99999;1.001193;fax;Không;01/03/2026;05/03/2026\n';
  await page.getByLabel('Tệp CSV hoặc XLSX').setInputFiles({ name: 'ho-so-loi-pg.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.getByRole('button', { name: 'Nhập', exact: true }).click();
  const report = page.getByRole('alert');
  await expect(report).toContainText('Không nhập ho-so-loi-pg.csv: có 2 lỗi, chưa ghi dữ liệu nào.');
  await expect(report).toContainText('Dòng 2, cột “Mã đơn vị” (“99999”): không phải đơn vị đã có');
});

test('a city leader reads the overview and the ranking from PostgreSQL and opens a ward', async ({ page, signIn }) => {
  await signIn('leader');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Tổng quan' })).toBeVisible();
  await expect(page.getByRole('region', { name: /Xã, phường/ }).getByRole('heading', { name: 'Nộp trực tuyến' })).toBeVisible();
  await page.goto('/rankings');
  await page.getByRole('searchbox').fill('hoan kiem');
  await page.getByRole('link', { name: 'Phường Hoàn Kiếm' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Phường Hoàn Kiếm' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Thủ tục kéo chỉ số xuống' })).toBeVisible();
});

import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';

const thisMonth = () => {
  const vn = new Date(Date.now() + 7 * 3_600_000);
  return `${vn.getUTCFullYear()}-${String(vn.getUTCMonth() + 1).padStart(2, '0')}`;
};

test('a ward reports its month in the dashboard, and the city returns a figure with a comment', async ({ page, signIn }) => {
  await signIn('headHoanKiem');
  await page.goto(`/programme?round=${thisMonth()}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Báo cáo chỉ tiêu chương trình' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Tỷ lệ tài khoản định danh điện tử đã kích hoạt' });
  await form.getByLabel('Tử số').fill('812');
  await form.getByLabel('Mẫu số').fill('1000');
  await form.getByLabel('Ghi chú').fill('Số liệu Công an phường');
  // 'Sửa' when a run before this one (a database kept between local runs) has reported it already.
  await form.getByRole('button', { name: /^(Gửi|Sửa)$/ }).click();
  await expect(form.getByRole('status')).toHaveText('Đã gửi.');
  await expect(page.getByRole('row', { name: /Tỷ lệ tài khoản định danh điện tử đã kích hoạt/ }).getByText('Đã báo cáo')).toBeVisible();

  await page.request.post('/trpc/auth.logout', { data: {} });
  await signIn('leader');
  await page.goto(`/programme?round=${thisMonth()}&indicator=DA06_VNEID_ACTIVATED`);
  const row = page.getByRole('row', { name: /Phường Hoàn Kiếm/ });
  await expect(row.getByText('Đã báo cáo')).toBeVisible();
  await expect(row.getByRole('cell', { name: '81,20' })).toBeVisible();
  await row.getByRole('button', { name: 'Trả lại' }).click();
  await row.getByPlaceholder('Lý do trả lại').fill('Mẫu số chưa khớp với số đã cấp');
  await row.getByRole('button', { name: 'Trả lại' }).click();
  await expect(page.getByRole('row', { name: /Phường Hoàn Kiếm/ }).getByText('Bị trả lại')).toBeVisible();
});

const lastMonth = () => {
  const vn = new Date(Date.now() + 7 * 3_600_000);
  const d = new Date(Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth() - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

test('a head reports a figure below target, and the city sees the unit flagged under its pillar on the overview', async ({ page, signIn }) => {
  const name = 'Hồ sơ cấp tài khoản định danh điện tử mức 2 so với chỉ tiêu giao';
  await signIn('headHoanKiem');
  await page.goto(`/programme?round=${lastMonth()}`);
  const form = page.getByRole('form', { name });
  await form.getByLabel('Tử số').fill('300');
  await form.getByLabel('Mẫu số').fill('1000');
  await form.getByRole('button', { name: /^(Gửi|Sửa)$/ }).click();
  await expect(form.getByRole('status')).toHaveText('Đã gửi.');

  await page.request.post('/trpc/auth.logout', { data: {} });
  await signIn('leader');
  await page.goto(`/?period=${lastMonth()}`);
  const pillar = page.getByRole('region', { name: 'Đề án 06' });
  const below = pillar.getByRole('list', { name: `Đơn vị dưới chỉ tiêu: ${name}` });
  await expect(below.getByRole('listitem').filter({ hasText: 'Phường Hoàn Kiếm' })).toContainText('30,00 % / 70,00 %');
  await below.getByRole('link', { name: 'Phường Hoàn Kiếm' }).click();
  await expect(page).toHaveURL(/\/units\/00070/);
  const row = page.getByRole('region', { name: 'Chỉ tiêu chương trình của đơn vị' }).getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('30,00 %');
  await expect(row).toContainText('Dưới chỉ tiêu');
});

test('a head attaches the official letter (PDF) to a figure while reporting it, and the city downloads it from the round', async ({ page, signIn }) => {
  const name = 'Tỷ lệ dữ liệu dân cư "đúng, đủ, sạch, sống"';
  const letter = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  await signIn('headHoanKiem');
  await page.goto(`/programme?round=${thisMonth()}`);
  const form = page.getByRole('form', { name });
  await form.getByLabel('Tử số').fill('950');
  await form.getByLabel('Mẫu số').fill('1000');
  await form.getByLabel('Tệp minh chứng (không bắt buộc)').setInputFiles({ name: 'Công văn 15-UBND.pdf', mimeType: 'application/pdf', buffer: letter });
  await form.getByRole('button', { name: /^(Gửi|Sửa)$/ }).click();
  await expect(form.getByRole('status')).toHaveText('Đã gửi số liệu và minh chứng.');
  await expect(form.getByRole('link', { name: /Tải minh chứng Công văn 15-UBND\.pdf/ })).toBeVisible();

  await page.request.post('/trpc/auth.logout', { data: {} });
  await signIn('leader');
  await page.goto(`/programme?round=${thisMonth()}&indicator=DA06_CITIZEN_DATA_CLEAN`);
  const row = page.getByRole('row', { name: /Phường Hoàn Kiếm/ });
  await expect(row.getByRole('cell', { name: '95,00' })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await row.getByRole('link', { name: /Tải minh chứng Công văn 15-UBND\.pdf/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Công văn 15-UBND.pdf');
  expect((await readFile(await download.path())).equals(letter)).toBe(true);
});

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
  await form.getByRole('button', { name: 'Gửi' }).click();
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

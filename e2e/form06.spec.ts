import { expect, test } from './fixtures';

test.describe('a city leader at the end of a quarter', () => {
  test.beforeEach(async ({ signIn }) => {
    await signIn('leader');
  });

  test('reads Biểu số 06 for the departments on the Reports page and downloads the form to send', async ({ page }) => {
    await page.goto('/reports?period=2025-Q3&group=department');
    const form = page.getByRole('region', { name: /Biểu số 06\/VPCP\/KSTT/ });
    await expect(form.getByRole('columnheader', { name: 'Số hồ sơ nhận giải quyết' })).toHaveAttribute('colspan', '4');
    await expect(form.getByRole('columnheader', { name: 'Trả trước hạn' })).toBeVisible();
    await expect(form.getByRole('rowheader', { name: 'Sở Tư pháp' })).toBeVisible();
    await expect(form.getByRole('rowheader', { name: 'Tổng cộng' })).toBeVisible();
    await expect(form.getByRole('rowheader', { name: /^Phường / })).toHaveCount(0);
    await expect(form.getByText(/Số liệu tính đến/)).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('link', { name: 'Tải biểu XLSX' }).click()]);
    expect(download.suggestedFilename()).toBe('chiso-bieu06-2025-Q3-department.xlsx');
    await form.getByLabel('Đơn vị').selectOption('');
    await expect(form.getByRole('rowheader', { name: 'Phường Hoàn Kiếm' })).toBeVisible();
    await expect(page).toHaveURL(/period=2025-Q3/);
  });
});

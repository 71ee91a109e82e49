import { expect, test } from './fixtures';

test.describe('a leader comparing units on the national 766 index', () => {
  test.beforeEach(async ({ signIn }) => {
    await signIn('leader');
  });

  test('switches the ranking to the 766 index, sees which definition it uses and how many points have data', async ({ page }) => {
    await page.goto('/rankings');
    await expect(page.getByText(/Chỉ số: .*\(chiso-v2 v1\)/)).toBeVisible();
    await page.getByRole('combobox', { name: 'Bộ chỉ số' }).selectOption('qd766');
    await expect(page).toHaveURL(/index=qd766/);
    await expect(page.getByText(/Chỉ số: .*\(qd766 v1\)/)).toBeVisible();
    await expect(page.getByText(/điểm có số liệu/).first()).toBeVisible();
    await page.getByRole('link', { name: 'Tổng quan' }).click();
    await expect(page).toHaveURL(/index=qd766/);
  });

  test('reads on a unit page where its index comes from, why its rank moved, and what an improvement would do', async ({ page }) => {
    await page.goto('/units/00070?period=2026-08&index=qd766');
    await expect(page.getByRole('heading', { level: 1, name: 'Phường Hoàn Kiếm' })).toBeVisible();
    const components = page.getByRole('region', { name: 'Điểm thành phần' });
    await expect(components.getByRole('cell', { name: /Hồ sơ xử lý trước hạn, đúng hạn/ })).toBeVisible();
    await expect(components.getByRole('cell', { name: /TTHC công bố đúng hạn/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Vì sao thứ hạng thay đổi' })).toBeVisible();
    await expect(page.getByText(/So với 2026-07: chỉ số/)).toBeVisible();
    await page.getByLabel('Thêm số hồ sơ trực tuyến').fill('40');
    await page.getByRole('button', { name: 'Tính' }).click();
    await expect(page.getByText(/Chỉ số sẽ là \d+,\d{2}/)).toBeVisible();
  });
});

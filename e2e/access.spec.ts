import { expect, test } from './fixtures';

test.describe('signing in', () => {
  test('a page that needs a session sends you to the login page and back, and the form submits on Enter', async ({ page }) => {
    await page.goto('/rankings?group=department');
    await expect(page).toHaveURL(/\/login\?next=/);
    await page.getByLabel('Tên đăng nhập').fill('leader');
    await page.getByLabel('Mật khẩu').fill('leader-demo');
    await page.getByLabel('Mật khẩu').press('Enter');
    await expect(page).toHaveURL(/\/rankings\?group=department$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Xếp hạng' })).toBeVisible();
  });

  test('a wrong password says so without telling whether the user exists', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').fill('nobody-here');
    await page.getByLabel('Mật khẩu').fill('wrong-password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('alert')).toHaveText('Sai tên đăng nhập hoặc mật khẩu.');
  });

  test('signing out ends the session', async ({ page, signIn }) => {
    await signIn('leader');
    await page.goto('/');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto('/flags');
    await expect(page).toHaveURL(/\/login\?next=/);
  });
});

test.describe('a unit head', () => {
  test('signs in, lands on their own unit, and is refused another unit', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').fill('head-00070');
    await page.getByLabel('Mật khẩu').fill('head-demo');
    await page.getByLabel('Mật khẩu').press('Enter');
    await expect(page).toHaveURL(/\/units\/00070$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Phường Hoàn Kiếm' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Nhập dữ liệu' })).toHaveCount(0);
    await page.goto('/units/00082');
    await expect(page.getByRole('heading', { level: 1, name: 'Không được phép' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Phường Cửa Nam' })).toHaveCount(0);
    await page.goto('/rankings');
    await expect(page.getByRole('link', { name: 'Phường Cửa Nam' })).toBeVisible();
  });
});

test.describe('an administrator', () => {
  test('changes a target and finds the change in the audit trail', async ({ page, signIn }) => {
    await signIn('admin');
    await page.goto('/targets');
    await page.getByLabel('Ngưỡng').fill('100');
    await page.getByLabel('Hiệu lực từ').fill('07/21/2025');
    await expect(page.getByText('Ngày viết theo dạng ngày/tháng/năm')).toBeVisible();
    await page.getByLabel('Hiệu lực từ').fill('21/07/2025');
    await page.getByRole('combobox', { name: 'Chỉ tiêu' }).selectOption('onTimeRate');
    await page.getByRole('combobox', { name: 'Loại đơn vị' }).selectOption('special_zone');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Đã lưu.' })).toBeVisible();
    await page.goto('/admin/audit');
    // The action in words, with its code as the CSV export writes it.
    await expect(page.getByRole('cell', { name: 'Lưu chỉ tiêu target.upsert', exact: true }).first()).toBeVisible();
  });

  test('deletes a target only after confirming, and can put it back', async ({ page, signIn }) => {
    await signIn('admin');
    await page.goto('/targets');
    const rows = page.getByRole('row').filter({ hasText: 'Đặc khu' });
    await expect(rows.first()).toBeVisible();
    const before = await rows.count();
    expect(before).toBeGreaterThan(0);
    await rows.first().getByRole('button', { name: 'Xóa' }).click();
    await expect(page.getByText('Xóa chỉ tiêu này?')).toBeVisible();
    await expect(rows).toHaveCount(before);
    await rows.first().getByRole('button', { name: 'Xóa' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Đã xóa chỉ tiêu' })).toBeVisible();
    await expect(rows).toHaveCount(before - 1);
    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    await expect(rows).toHaveCount(before);
  });

  test('creates a unit head bound to a unit, then makes them a leader', async ({ page, signIn }) => {
    await signIn('admin');
    const username = `chu-tich-${Date.now()}`;
    await page.goto('/admin/users');
    const form = page.locator('form').filter({ hasText: 'Tạo tài khoản' });
    await form.getByLabel('Tên đăng nhập', { exact: true }).fill(username);
    await form.getByRole('combobox', { name: /^Vai trò/ }).selectOption('unit_head');
    await form.getByRole('combobox', { name: /^Đơn vị/ }).selectOption('00082');
    await form.getByLabel('Mật khẩu', { exact: true }).fill('Ho-Guom-mua-thu-2026');
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const row = page.getByRole('row').filter({ hasText: username });
    await expect(row.getByLabel(`Đơn vị ${username}`)).toHaveValue('00082');
    await row.getByLabel(`Vai trò ${username}`).selectOption('leader');
    await row.getByRole('button', { name: 'Lưu' }).click();
    await expect(row.getByRole('button', { name: 'Lưu' })).toHaveCount(0);
    await expect(row.getByLabel(`Đơn vị ${username}`)).toHaveCount(0);
    await page.goto('/admin/audit');
    await expect(page.getByRole('cell', { name: username }).first()).toBeVisible();
  });
});

test.describe('the weekly report', () => {
  test('a leader generates the pack for a week and a unit head downloads it', async ({ page, signIn }) => {
    await signIn('leader');
    await page.goto('/reports?period=2025-W31');
    await page.getByRole('combobox', { name: 'Định dạng' }).selectOption('csv');
    // A database used before already has this pack: the button then makes a new version.
    await page.getByRole('button', { name: /^(Lập báo cáo|Lập phiên bản mới)$/ }).click();
    const row = page.getByRole('row').filter({ hasText: '2025-W31' }).filter({ hasText: 'CSV' }).first();
    // Made, not only being made: its download link is there.
    await expect(row.getByRole('link', { name: /Tải về/ })).toBeVisible();
    await page.request.post('/trpc/auth.logout');
    await signIn('headHoanKiem');
    await page.goto('/reports');
    const download = page.waitForEvent('download');
    await page.getByRole('row').filter({ hasText: '2025-W31' }).filter({ hasText: 'CSV' }).first().getByRole('link', { name: /Tải về/ }).click();
    expect((await download).suggestedFilename()).toMatch(/^chiso-2025-W31-vi-v\d+\.csv$/);
  });
});

import { expect, test } from './fixtures';

/** A dossier file whose second row is dated in 1999: refused, with the reason in the reader's language. */
const BAD_DOSSIERS = 'Mã hồ sơ;Mã đơn vị;Mã TTHC;Kênh thực hiện;Toàn trình;Ngày tiếp nhận;Ngày hẹn trả\nLANG-1;00070;1.001193;Trực tuyến;Có;01/03/1999 08:00;05/03/2026\n';

test.describe('every message in the chosen language', () => {
  test('a wrong password is told in Vietnamese, then in English', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').fill('nobody-here');
    await page.getByLabel('Mật khẩu').fill('wrong-password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('alert')).toHaveText('Sai tên đăng nhập hoặc mật khẩu.');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
  });

  test('an import reason reads in Vietnamese, and in English once the language is switched', async ({ page, signIn }) => {
    await signIn('officer');
    await page.goto('/imports');
    await page.getByLabel('Loại dữ liệu').selectOption('dossiers');
    await page.getByLabel('Tệp CSV hoặc XLSX').setInputFiles({ name: 'ho-so-1999.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_DOSSIERS) });
    await page.getByRole('button', { name: 'Nhập', exact: true }).click();
    const report = page.getByRole('alert');
    await expect(report).toContainText('Dòng 2, cột “Ngày tiếp nhận” (“01/03/1999 08:00”): nằm ngoài khoảng năm 2000 đến 2100: hãy kiểm tra năm');
    await expect(report).not.toContainText('is outside the years');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(report).toContainText('Line 2, column “Ngày tiếp nhận” (“01/03/1999 08:00”): is outside the years 2000 to 2100: check the year');
    await expect(report).not.toContainText('nằm ngoài');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  });

  test("a unit head opening another unit's page sees that it is not allowed, with no retry", async ({ page, signIn }) => {
    await signIn('headHoanKiem');
    await page.goto('/units/00082');
    await expect(page.getByRole('heading', { level: 1, name: 'Không được phép' })).toBeVisible();
    await expect(page.getByText('Vai trò Người đứng đầu đơn vị không được xem trang này.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Thử lại' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Về trang đơn vị của bạn' }).click();
    await expect(page).toHaveURL(/\/units\/00070$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Phường Hoàn Kiếm' })).toBeVisible();
  });

  test('a leader opening an admin page sees that it is not allowed, and no form', async ({ page, signIn }) => {
    await signIn('leader');
    await page.goto('/admin/users');
    await expect(page.getByRole('heading', { level: 1, name: 'Không được phép' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Tạo tài khoản' })).toHaveCount(0);
    await page.goto('/imports');
    await expect(page.getByRole('heading', { level: 1, name: 'Không được phép' })).toBeVisible();
    await expect(page.getByLabel('Tệp CSV hoặc XLSX')).toHaveCount(0);
  });
});

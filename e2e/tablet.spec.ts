import { expect, test } from './fixtures';

for (const viewport of [{ width: 1024, height: 768 }, { width: 768, height: 1024 }]) {
  test.describe(`a leader on a ${viewport.width}×${viewport.height} tablet`, () => {
    test.use({ viewport });

    test('sees rank, unit, index, change and each target measure without scrolling the page sideways', async ({ page, signIn }) => {
      await signIn('leader');
      await page.goto('/rankings');
      const table = page.getByRole('table').first();
      await expect(table.getByRole('rowheader').first()).toBeVisible();
      for (const name of ['Hạng', 'Đơn vị', 'Chỉ số', 'Thay đổi', 'Nộp trực tuyến', 'Toàn trình', 'Đúng hạn']) {
        const header = table.getByRole('columnheader', { name: new RegExp(`^${name}`) });
        await expect(header).toBeInViewport();
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await table.getByRole('rowheader').nth(40).scrollIntoViewIfNeeded();
      await expect(table.getByRole('columnheader', { name: /^Đơn vị/ })).toBeInViewport();
    });

    test('reads the overview without scrolling the page sideways', async ({ page, signIn }) => {
      await signIn('leader');
      await page.goto('/');
      await expect(page.getByText('Chỉ số bình quân').first()).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    });
  });
}

const EVERY_PAGE = ['/', '/rankings', '/flags', '/units/00070', '/targets', '/imports', '/reports', '/notices', '/programme',
  '/admin/users', '/admin/units', '/admin/indicators', '/admin/indexes', '/admin/ladder', '/admin/audit'];

test.describe('every page on a 768×1024 tablet', () => {
  test.use({ viewport: { width: 768, height: 1024 } });

  test('opens directly with its data, without scrolling sideways and without a console warning or error', async ({ page, signIn }) => {
    test.setTimeout(120_000);
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
    await signIn('admin');
    for (const path of EVERY_PAGE) {
      await page.goto(path);
      await expect(page.locator('main h1')).toBeVisible();
      await page.waitForLoadState('networkidle');
      await expect(page.getByRole('status').filter({ hasText: 'Đang tải' }), path).toHaveCount(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(768);
    }
    expect(problems).toEqual([]);
  });
});

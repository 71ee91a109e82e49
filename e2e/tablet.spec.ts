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

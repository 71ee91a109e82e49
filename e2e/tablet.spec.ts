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
      // "so với 2026-W47": the period never split after its hyphen in a narrow card.
      const periods = page.locator('.measure-card .nowrap');
      await expect(periods.first()).toHaveText(/^\d{4}-W\d{2}$/);
      const split = await periods.evaluateAll((spans) => spans.filter((s) => new Set([...s.getClientRects()].map((r) => Math.round(r.top))).size > 1).length);
      expect(split).toBe(0);
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

test.describe('a unit head on a 768×1024 tablet', () => {
  test.use({ viewport: { width: 768, height: 1024 } });

  test("reads each of the unit's programme KPIs with its period, value and target unbroken", async ({ page, signIn }) => {
    await signIn('headHoanKiem');
    await page.goto('/units/00070');
    const table = page.getByRole('region', { name: 'Chỉ tiêu chương trình của đơn vị' }).getByRole('table');
    await expect(table.locator('tbody tr').first()).toBeVisible();
    // A cell's text on one line: every box of its text has the same top (no "2026-" over "10", no "97,77" over "%").
    const broken = await table.locator('tbody tr').evaluateAll((rows) =>
      rows.flatMap((row) =>
        [1, 2, 3].flatMap((k) => {
          const cell = row.children[k] as HTMLElement;
          const range = document.createRange();
          range.selectNodeContents(cell);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          return tops.size > 1 ? [`${row.getAttribute('data-indicator')} column ${k}: ${cell.textContent}`] : [];
        }),
      ),
    );
    expect(broken).toEqual([]);
    // The procedures that pull the index down: names read in lines, not a word a line beside one-line headers.
    const procedures = page.getByRole('table', { name: 'Thủ tục kéo chỉ số xuống' });
    await expect(procedures.locator('tbody tr').first()).toBeVisible();
    expect(await procedures.locator('tbody tr td').first().evaluate((td) => td.getBoundingClientRect().width)).toBeGreaterThanOrEqual(160);
    const trend = await table.locator('tbody tr td:last-child .nowrap').allTextContents();
    expect(trend.length).toBeGreaterThan(0);
    for (const item of trend) expect(item).toMatch(/^\d{4}-\d{2}: /);
  });
});

for (const viewport of [{ width: 1024, height: 768 }, { width: 768, height: 1024 }]) {
  test.describe(`the flag list on a ${viewport.width}×${viewport.height} tablet`, () => {
    test.use({ viewport });

    test('shows every column, the escalation level included, without scrolling the table sideways, and names the head', async ({ page, signIn }) => {
      await signIn('leader');
      await page.goto('/flags');
      const table = page.getByRole('table');
      const first = table.locator('tbody tr').first();
      await expect(first).toBeVisible();
      for (const name of ['Đơn vị', 'Chỉ tiêu chưa đạt', 'Số kỳ liên tiếp', 'Mức cảnh báo', 'Giải trình, cam kết', 'Chỉ số']) {
        await expect(table.getByRole('columnheader', { name, exact: true }), name).toBeInViewport({ ratio: 1 });
      }
      // Sideways only: a tall first row may well reach below the fold.
      const wrap = page.locator('.table-wrap', { has: table });
      expect(await wrap.evaluate((w) => w.scrollWidth <= w.clientWidth)).toBe(true);
      const right = await first.getByRole('cell').last().evaluate((td) => td.getBoundingClientRect().right);
      expect(right).toBeLessThanOrEqual(viewport.width);
      // The head's own column gives way on a tablet; the head is named under the unit.
      await expect(first.getByRole('cell').first()).toContainText(/(Chủ tịch UBND|Giám đốc|Chánh|Trưởng) /);
    });
  });
}

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

const PAGES: [string, 'leader' | 'admin' | 'headHoanKiem' | 'officer'][] = [
  ['/', 'leader'], ['/rankings', 'leader'], ['/rankings?index=qd766&period=2026-10', 'leader'], ['/flags', 'leader'], ['/flags?group=department&measure=onlineRate', 'leader'], ['/units/00070', 'leader'],
  ['/targets', 'admin'], ['/reports', 'leader'], ['/programme', 'headHoanKiem'], ['/programme', 'leader'], ['/imports', 'officer'],
  ['/admin/users', 'admin'], ['/admin/units', 'admin'], ['/admin/indicators', 'admin'], ['/admin/indexes', 'admin'], ['/admin/ladder', 'admin'], ['/admin/audit', 'admin'], ['/notices', 'leader'],
];

test.describe('every page reads for assistive technology', () => {
  for (const [path, who] of PAGES) {
    test(`${path} as ${who} has no serious or critical axe violation`, async ({ page, signIn }) => {
      test.setTimeout(150_000);
      await signIn(who);
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: 'Đang tải' })).toHaveCount(0);
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`);
      expect(bad).toEqual([]);
    });
  }

  test('the login page has no serious or critical axe violation', async ({ page }) => {
    await page.goto('/login');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });
});

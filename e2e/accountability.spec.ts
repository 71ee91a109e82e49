import { expect, test } from './fixtures';

test.describe('the accountability loop', () => {
  test('a unit head sees their level, writes a commitment, and a leader sees it on the flag list', async ({ page, signIn }) => {
    await signIn('leader');
    const periods = await (await page.request.get(`/trpc/periods.list?input=${encodeURIComponent(JSON.stringify({ kind: 'week' }))}`)).json();
    const period: string = periods.result.data.defaultPeriod;
    const flags = await (await page.request.get(`/trpc/flags.list?input=${encodeURIComponent(JSON.stringify({ period }))}`)).json();
    const rows: { unitCode: string; unitName: string; group: string; periodsBelow: number; escalation: string | null }[] = flags.result.data.rows;
    const unit = rows.find((r) => r.group === 'commune' && r.periodsBelow >= 3 && r.periodsBelow < 6) ?? rows.find((r) => r.periodsBelow >= 3);
    expect(unit, `some unit of the demo is below target for 3 weeks or more in ${period}`).toBeDefined();
    const { unitCode, unitName } = unit as NonNullable<typeof unit>;
    const level = unit?.periodsBelow && unit.periodsBelow >= 6 ? 'Kiểm điểm trách nhiệm người đứng đầu' : 'Đưa vào giao ban';

    await signIn([`head-${unitCode}`, 'head-demo']);
    await page.goto(`/units/${unitCode}?period=${period}`);
    await expect(page.getByRole('heading', { level: 1, name: unitName })).toBeVisible();
    await expect(page.locator('.rank-line')).toContainText(new RegExp(`Mức cảnh báo: \\S+ ${level}`));

    const action = `Bố trí cán bộ hướng dẫn nộp hồ sơ trực tuyến tại bộ phận một cửa (${Date.now()})`;
    const form = page.getByRole('region', { name: 'Giải trình và cam kết khắc phục' });
    await form.getByLabel('Giải trình (nguyên nhân)').fill('Người dân lớn tuổi chưa quen nộp hồ sơ trực tuyến; bộ phận một cửa thiếu máy tính.');
    await form.getByLabel('Biện pháp khắc phục').fill(action);
    // The due date is written day first whatever the browser's locale, and typed that way.
    const due = form.getByLabel('Hạn hoàn thành');
    await expect(due).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
    const [d, m, y] = (await due.inputValue()).split('/').map(Number) as [number, number, number];
    const later = new Date(Date.UTC(y, m - 1, d + 7));
    const typed = `${String(later.getUTCDate()).padStart(2, '0')}/${String(later.getUTCMonth() + 1).padStart(2, '0')}/${later.getUTCFullYear()}`;
    await due.fill(typed);
    await form.getByRole('button', { name: 'Gửi giải trình' }).click();
    await expect(form.getByRole('status')).toHaveText('Đã ghi nhận giải trình, cam kết.');
    const history = form.getByRole('listitem').filter({ hasText: action });
    await expect(history).toContainText('Đang thực hiện');
    await expect(history).toContainText(`Kỳ ${period}`);
    await expect(history).toContainText(typed);

    await signIn('leader');
    await page.goto(`/flags?period=${period}&level=${unit?.escalation}`);
    await expect(page.getByRole('combobox', { name: 'Mức cảnh báo' })).toHaveValue(unit?.escalation ?? '');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: unitName, exact: true }) });
    await expect(row).toContainText(level);
    await expect(row).toContainText('Đang thực hiện');
    await expect(row).toContainText(action);
    await expect(page.getByRole('row').filter({ hasText: 'Chưa giải trình' }).first()).toBeVisible();
  });

  test('an admin keeps the escalation ladder as data: a past day is refused, a new version is saved, audited and in force', async ({ page, signIn }) => {
    await signIn('admin');
    await page.goto('/admin/ladder');
    await expect(page.getByRole('heading', { level: 1, name: 'Thang cảnh báo' })).toBeVisible();
    const versions = page.getByRole('table', { name: 'Các phiên bản' });
    await expect(versions.getByRole('row').filter({ hasText: 'Mặc định theo quy định' })).toContainText('Đưa vào giao ban (≥ 3)');
    const form = page.getByRole('form', { name: 'Phiên bản mới' });
    await expect(form.getByLabel('Số kỳ của mức agenda')).toHaveValue(/^\d+$/);

    // The names and thresholds the dashboard already uses, from today: figures do not change, a version is added.
    const fmt = (d: Date) => d.toLocaleDateString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });
    await form.getByLabel('Hiệu lực từ').fill(fmt(new Date(Date.now() - 86_400_000)));
    await form.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    await expect(form.getByRole('alert')).toContainText('có hiệu lực từ hôm nay');

    await form.getByLabel('Số kỳ của mức agenda').fill('3');
    await form.getByLabel('Số kỳ của mức review').fill('2');
    await form.getByLabel('Hiệu lực từ').fill(fmt(new Date()));
    await form.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    await expect(form.getByRole('alert')).toContainText('mức review phải bắt đầu muộn hơn mức agenda');

    await form.getByLabel('Số kỳ của mức review').fill('6');
    await form.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    const saved = form.getByRole('status');
    await expect(saved).toHaveText(/^Đã lưu phiên bản \d+\.$/);
    const version = /(\d+)/.exec((await saved.textContent()) ?? '')?.[1];
    await expect(page.getByText(`Đang áp dụng: phiên bản ${version}.`)).toBeVisible();
    await expect(versions.getByRole('row').filter({ hasText: 'admin' }).first()).toContainText('Kiểm điểm trách nhiệm người đứng đầu (≥ 6)');

    const ladder = await (await page.request.get('/trpc/escalation.ladder')).json();
    expect(ladder.result.data.version).toBe(Number(version));
    const audit = await (await page.request.get(`/trpc/audit.list?input=${encodeURIComponent(JSON.stringify({}))}`)).json();
    expect(JSON.stringify(audit)).toContain(`ladder/v${version}`);
  });
});

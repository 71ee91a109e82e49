// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from './i18n';
import { MESSAGE_CODES, MESSAGES, msg, type Message } from '../../../shared/messages/catalogue';
import { placeholders } from '../../../shared/messages/render';
import { ErrorNote } from '../components/ui/status';
import { IssueList } from '../features/imports/components/issue-list';

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('vi');
});

/** A sample value of each declared parameter, so that a placeholder left in the text shows. */
const sample = (code: Message['code']) => Object.fromEntries(Object.keys(MESSAGES[code].params).map((name) => [name, `«${name}»`]));

describe('messages of the server in the dashboard', () => {
  it.each(MESSAGE_CODES)('%s renders in Vietnamese and in English with every parameter', (code) => {
    for (const lng of ['vi', 'en'] as const) {
      expect(i18n.exists(code, { lng, ns: 'messages', keySeparator: false, nsSeparator: false })).toBe(true);
      const text = i18n.t(code, { lng, ns: 'messages', keySeparator: false, nsSeparator: false, ...sample(code) });
      expect(text).not.toMatch(/\{\{/);
      for (const name of placeholders(i18n.getResource(lng, 'messages', code) as string)) expect(text).toContain(`«${name}»`);
    }
  });

  it('shows a refused save in the chosen language, the field first, with no "retry"', async () => {
    const error = Object.assign(new Error('threshold: is negative'), { data: { httpStatus: 400, detail: msg('value.negative'), field: 'threshold' } });
    render(<ErrorNote error={error} onRetry={() => undefined} />);
    expect(screen.getByRole('alert').textContent).toBe('Ngưỡng: là số âm');
    expect(screen.queryByRole('button')).toBeNull();
    await i18n.changeLanguage('en');
    expect(screen.getByRole('alert').textContent).toBe('Threshold: is negative');
  });

  it('lists import problems in the chosen language, numbers written as the language writes them', async () => {
    const issues = [
      { line: 3, column: 'Ngày tiếp nhận', value: '01/01/1999', reason: 'is outside the years 2000 to 2100: check the year', message: msg('import.date.outOfRange', { min: 2000, max: 2100 }) },
      { line: null, column: null, value: null, reason: '', message: msg('import.file.tooManyRows', { max: 5_000_000 }) },
    ];
    render(<IssueList issues={issues} total={3} />);
    const items = () => screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items()).toEqual([
      'Dòng 3, cột “Ngày tiếp nhận” (“01/01/1999”): nằm ngoài khoảng năm 2000 đến 2100: hãy kiểm tra năm',
      'Cả tệp: tệp có hơn 5.000.000 dòng: hãy chia thành các tệp, mỗi tệp tối đa 5.000.000 dòng',
      '… và 1 lỗi khác không liệt kê',
    ]);
    await i18n.changeLanguage('en');
    expect(items()[1]).toBe('File: the file has more than 5,000,000 rows: split it into files of at most 5,000,000 rows');
  });
});

// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import '../../../lib/i18n';
import { Form06Table } from './form06-table';

const zero = { carriedOver: 0, receivedOnline: 0, receivedOffline: 0, receivedTotal: 0, resolvedTotal: 0, resolvedEarly: 0, resolvedOnTime: 0, resolvedLate: 0, pendingTotal: 0, pendingWithinDeadline: 0, pendingOverdue: 0 };
const row = { unitCode: '00070', unitName: 'Phường Hoàn Kiếm', ...zero, carriedOver: 3, receivedOnline: 1200, receivedOffline: 5, receivedTotal: 1208, resolvedTotal: 1207, resolvedEarly: 1000, resolvedOnTime: 200, resolvedLate: 7, pendingTotal: 1, pendingOverdue: 1 };
const form = { period: '2025-Q3', asOf: '2025-10-01T00:00:00.000Z', rows: [row, { ...zero, unitCode: 'SO-TP', unitName: 'Sở Tư pháp' }], total: { ...zero, ...row } };

afterEach(cleanup);

describe('Form06Table', () => {
  it('shows the form’s header, two rows of merged groups over the columns, and the figures in the form’s order', () => {
    render(<Form06Table form={form} />);
    const received = screen.getByRole('columnheader', { name: 'Số hồ sơ nhận giải quyết' });
    expect(received.getAttribute('colspan')).toBe('4');
    expect(screen.getByRole('columnheader', { name: 'Kết quả giải quyết' }).getAttribute('colspan')).toBe('7');
    expect(screen.getByRole('columnheader', { name: 'Từ kỳ trước' }).getAttribute('rowspan')).toBe('2');
    expect(screen.getByRole('columnheader', { name: 'Trả trước hạn' })).toBeTruthy();
    expect(screen.getAllByRole('columnheader', { name: 'Tổng số' })).toHaveLength(3);
    const cells = within(screen.getByRole('row', { name: /Phường Hoàn Kiếm/ })).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['1', '1.208', '1.200', '5', '3', '1.207', '1.000', '200', '7', '1', '0', '1']);
    expect(within(screen.getByRole('row', { name: /Sở Tư pháp/ })).getAllByRole('cell').map((c) => c.textContent).slice(1)).toEqual(Array(11).fill('0'));
    expect(screen.getByRole('rowheader', { name: 'Tổng cộng' })).toBeTruthy();
  });
});

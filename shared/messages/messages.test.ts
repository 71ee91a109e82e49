import { describe, expect, it } from 'vitest';
import { MESSAGE_CODES, MESSAGES, isMessageCode, msg } from './catalogue';
import { MESSAGES_EN } from './en';
import { placeholders, renderMessage } from './render';
import { MESSAGES_VI } from './vi';

describe('the message catalogue', () => {
  it.each(MESSAGE_CODES)('%s has a Vietnamese and an English text with exactly its parameters', (code) => {
    const params = Object.keys(MESSAGES[code].params).sort();
    expect(MESSAGES_VI[code]?.trim()).toBeTruthy();
    expect(MESSAGES_EN[code]?.trim()).toBeTruthy();
    expect(placeholders(MESSAGES_VI[code])).toEqual(params);
    expect(placeholders(MESSAGES_EN[code])).toEqual(params);
  });

  it('has no Vietnamese text for a code it does not declare', () => {
    expect(Object.keys(MESSAGES_VI).filter((code) => !isMessageCode(code))).toEqual([]);
  });

  it('writes quantities and dates as each language does', () => {
    const rows = msg('import.file.tooManyRows', { max: 5_000_000 });
    expect(renderMessage(rows, 'en')).toBe('the file has more than 5,000,000 rows: split it into files of at most 5,000,000 rows');
    expect(renderMessage(rows, 'vi')).toBe('tệp có hơn 5.000.000 dòng: hãy chia thành các tệp, mỗi tệp tối đa 5.000.000 dòng');
    expect(renderMessage(msg('import.date.outOfRange', { min: 2000, max: 2100 }), 'vi')).toBe('nằm ngoài khoảng năm 2000 đến 2100: hãy kiểm tra năm');
    expect(renderMessage(msg('due.passed', { date: '2025-08-05' }), 'vi')).toBe('hạn 05/08/2025 đã qua');
  });
});

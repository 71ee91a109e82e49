import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORDS } from './demo-accounts';
import { assertPasswordAllowed, passwordProblem } from './password-policy';

describe('the password policy', () => {
  it.each([
    ['a-long-secret-1', 'new-admin'],
    ['another-secret-2', 'new-admin'],
    ['mèo đen chạy qua sông', 'lan'],
    ['cat dog sun sky', 'chutich'],
    ['Tr0ng-dong-Ngoc-Lu', 'chutich'],
    ['hồ gươm mùa thu 1945', 'chutich'],
    ['correct horse battery stapler 7', 'x9'],
  ])('accepts %j for %s', (password, username) => {
    expect(passwordProblem(password, username)).toBeNull();
  });

  it.each([
    ['short', 'chutich'],
    ['elevenchars', 'chutich'],
    ['mật khẩu ok', 'chutich'],
  ])('refuses %j as too short (under 12 characters)', (password, username) => {
    expect(passwordProblem(password, username)).toMatch(/too short: use at least 12 characters/);
  });

  it.each(['aaaaaaaaaaaa', '000000000000', '............', 'đđđđđđđđđđđđ', 'abcabcabcabc', '121212121212', 'hellohellohello'])('refuses %j as one character or group repeated', (password) => {
    expect(passwordProblem(password, 'chutich')).toMatch(/repeats one character or one group/);
  });

  it.each([
    ['chutich-hoan-kiem', 'chutich'],
    ['my-CHUTICH-password', 'ChuTich'],
    ['secret head-00070 pass', 'head-00070'],
  ])('refuses %j, which contains the username %s (in any case)', (password, username) => {
    expect(passwordProblem(password, username)).toMatch(/contains the username/);
  });

  it.each(DEMO_PASSWORDS.filter((p) => p.length >= 12))('refuses the published demo password %j', (password) => {
    expect(passwordProblem(password, 'chutich')).toMatch(/published demo password/);
  });

  it.each([
    '123456789012', 'password1234', 'Password@2024', 'P@ssw0rd12345', 'qwertyuiop12', 'QWERTYUIOP!!', 'asdfghjkl123', 'zxcvbnm12345', '1qaz2wsx3edc',
    '1q2w3e4r5t6y', 'poiuytrewq99', 'abcdefghijkl', '098765432109', 'iloveyou2024', 'matkhau123456', 'Mật khẩu 123456', 'MatKhau@2025!', 'anhyeuem1234',
    'emyeuanh2025', 'vietnam123456', 'hanoi1234567', 'chiso2025!!!', 'admin1234567', 'correcthorsebatterystaple', 'Correct Horse Battery Staple', 'letmein12345',
  ])('refuses %j as a common password, keyboard walk or sequence', (password) => {
    expect(passwordProblem(password, 'chutich')).toMatch(/most common passwords, a keyboard walk or a sequence/);
  });

  it('throws a 400 user error naming the rule', () => {
    expect(() => assertPasswordAllowed('password1234', 'chutich')).toThrow(expect.objectContaining({ name: 'UserError', code: 'BAD_REQUEST', message: expect.stringMatching(/most common passwords/) }));
    expect(() => assertPasswordAllowed('a-long-secret-1', 'chutich')).not.toThrow();
  });
});

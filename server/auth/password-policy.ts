import { UserError } from '../errors';
import { COMMON_PASSWORDS } from './common-passwords';
import { isDemoPassword } from './demo-accounts';
import { msg, type Message } from '../../shared/messages/catalogue';
import { renderMessage } from '../../shared/messages/render';

/** Twelve characters; four short words (a passphrase, which is easier to remember) always reach it. */
export const MIN_PASSWORD_LENGTH = 12;

/** Keyboard rows and columns and the alphabet: a password that is a stretch of one, backwards or forwards, is a walk. */
const RUNS = ['12345678901234567890', 'qwertyuiopasdfghjklzxcvbnm', 'abcdefghijklmnopqrstuvwxyz', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p', 'zaq1xsw2cde3vfr4bgt5nhy6mju7ki8lo9p0', '1q2w3e4r5t6y7u8i9o0p'];
const WALKS = [...RUNS, ...RUNS.map((r) => [...r].reverse().join(''))];

/** Lower case without diacritics (đ → d), so "Mật khẩu" is compared as "mat khau". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

const LEET: Record<string, string> = { '@': 'a', $: 's', '!': 'i', 0: 'o', 1: 'i', 3: 'e', 4: 'a', 5: 's', 7: 't' };

/** Undoes the usual letter swaps ("p@ssw0rd"); a digit counts as a letter only between letters, so "password1" keeps its 1. */
function unleet(text: string): string {
  return text.replace(/[@$!]|(?<=[a-z])[013457](?=[a-z])/g, (c) => LEET[c] ?? c);
}

/** The forms a password is compared in: bare letters and digits, and the same without digits before or after. */
function forms(password: string): string[] {
  const folded = fold(password);
  const bare = [folded, unleet(folded)].map((s) => s.replace(/[^a-z0-9]/g, ''));
  return [...new Set(bare.flatMap((s) => [s, s.replace(/^\d+|\d+$/g, '')]))].filter((s) => s.length > 0);
}

function isCommon(password: string): boolean {
  return forms(password).some((s) => COMMON_PASSWORDS.has(s) || (s.length >= 4 && WALKS.some((w) => w.includes(s))));
}

/** Why a new password is refused, naming the rule it breaks, or null when it is allowed. */
export function passwordMessage(password: string, username: string): Message | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return msg('password.tooShort', { min: MIN_PASSWORD_LENGTH });
  if (/^(.+?)\1+$/su.test(password)) return msg('password.repeats');
  if (username.trim() && password.toLowerCase().includes(username.trim().toLowerCase())) return msg('password.hasUsername');
  if (isDemoPassword(password)) return msg('password.demo');
  if (isCommon(password)) return msg('password.common');
  return null;
}

/** The same, in English words (the CLI). */
export function passwordProblem(password: string, username: string): string | null {
  const message = passwordMessage(password, username);
  return message && renderMessage(message);
}

/** Applied wherever a password is set through the API or the CLI; the demo seed, whose passwords are public, skips it. */
export function assertPasswordAllowed(password: string, username: string): void {
  const problem = passwordMessage(password, username);
  if (problem) throw new UserError('BAD_REQUEST', problem);
}

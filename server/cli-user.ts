import { createInterface } from 'node:readline';
import { CreateAccountInputSchema } from '../shared/schemas/account';
import { hashPassword } from './auth/password';
import { assertPasswordAllowed, MIN_PASSWORD_LENGTH } from './auth/password-policy';
import { UserError } from './errors';
import type { Store, StoredAccount } from './store/port';

/** The password from standard input: typed at a prompt, or the first line of what is piped in. */
export async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write(`Password (at least ${MIN_PASSWORD_LENGTH} characters, not a common one): `);
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

export async function addAccount(store: Store, input: { username: string; role: string | undefined; unitCode: string | null; displayName: string | null; password: string; email?: string | null; language?: string | null }): Promise<StoredAccount> {
  const parsed = CreateAccountInputSchema.safeParse(input);
  if (!parsed.success) throw new UserError('BAD_REQUEST', `The account is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'account'}: ${i.message}`).join('; ')}`);
  const a = parsed.data;
  assertPasswordAllowed(a.password, a.username);
  if (await store.getAccount(a.username)) throw new UserError('CONFLICT', `The username "${a.username}" is taken.`);
  if (a.unitCode && !(await store.listUnits()).some((u) => u.code === a.unitCode)) throw new UserError('BAD_REQUEST', `There is no unit with the code "${a.unitCode}".`);
  const now = new Date().toISOString();
  const account: StoredAccount = { username: a.username, displayName: a.displayName, role: a.role, unitCode: a.unitCode, passwordHash: await hashPassword(a.password), disabled: false, demo: false, createdAt: now, updatedAt: now, email: a.email, language: a.language };
  await store.saveAccount(account, { actor: 'cli', action: 'account.create', target: a.username, before: null, after: JSON.stringify({ username: a.username, role: a.role, unitCode: a.unitCode, email: a.email, language: a.language }), address: 'cli' });
  return account;
}

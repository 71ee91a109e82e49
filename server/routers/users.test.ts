import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInnerContext, type Viewer } from '../context';
import type { Store } from '../store/port';
import { fixtureAuth, fixtureDeps, fixtureStoreWithAccounts } from '../testing/fixture';
import { createCallerFactory } from '../trpc';
import { appRouter } from './_app';

const ADMIN: Viewer = { username: 'admin', role: 'admin', unitCode: null };
let store: Store;
const admin = () => createCallerFactory(appRouter)(createInnerContext(fixtureDeps(store), fixtureAuth(store), ADMIN));

beforeAll(async () => {
  store = await fixtureStoreWithAccounts();
});
afterAll(() => store.close());

const WEAK: [string, (username: string) => string, RegExp][] = [
  ['too short', () => 'short-pw-1', /at least 12 characters/],
  ['one character repeated', () => 'xxxxxxxxxxxxxxxx', /repeats one character/],
  ['containing the username', (username) => `pho-chu-tich-${username.toUpperCase()}`, /contains the username/],
  ['common', () => 'Password@2024', /most common passwords/],
  ['a keyboard walk', () => 'qwertyuiop12', /keyboard walk/],
];

describe('the password policy in users.create and users.resetPassword', () => {
  it.each(WEAK)('refuses a new account with a password %s, with a message naming the rule, and creates nothing', async (_rule, password, message) => {
    await expect(admin().users.create({ username: 'pct-hoan', role: 'leader', password: password('pct-hoan') })).rejects.toThrow(message);
    expect(await store.getAccount('pct-hoan')).toBeNull();
  });

  it.each(WEAK)('refuses a reset to a password %s and keeps the old one', async (_rule, password, message) => {
    await admin().users.create({ username: 'pct-hoan-2', role: 'leader', password: 'lúa chín vàng đồng quê' }).catch(() => undefined);
    const before = (await store.getAccount('pct-hoan-2'))?.passwordHash;
    await expect(admin().users.resetPassword({ username: 'pct-hoan-2', password: password('pct-hoan-2') })).rejects.toThrow(message);
    expect((await store.getAccount('pct-hoan-2'))?.passwordHash).toBe(before);
  });

  it('accepts a long, uncommon password or passphrase', async () => {
    expect(await admin().users.create({ username: 'chanh-vp', role: 'admin', password: 'mây trắng bay qua đèo' })).toMatchObject({ username: 'chanh-vp' });
    expect(await admin().users.resetPassword({ username: 'chanh-vp', password: 'Tr0ng-dong-Ngoc-Lu' })).toEqual({ ok: true });
  });

  it('leaves the demo accounts, whose passwords are short, able to sign in', async () => {
    await expect(fixtureAuth(store).login('leader', 'leader-demo', 'test')).resolves.toMatchObject({ me: { username: 'leader', demo: true } });
    await expect(fixtureAuth(store).login('head-00070', 'head-demo', 'test')).resolves.toMatchObject({ me: { role: 'unit_head' } });
  });
});

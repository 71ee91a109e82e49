import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from './cli-user';
import type { Store } from './store/port';
import { fixtureStore } from './testing/fixture';

let store: Store;
beforeAll(async () => {
  store = await fixtureStore();
});
afterAll(() => store.close());

const account = (username: string, password: string) => ({ username, role: 'admin', unitCode: null, displayName: null, password });

describe('chiso user add', () => {
  it.each([
    ['too short', 'ngan-qua-1', /password: at least 12 characters/],
    ['one character repeated', '############', /repeats one character/],
    ['containing the username', 'Chanh-VP-mat-khau', /contains the username/],
    ['common', 'matkhau@123456', /most common passwords/],
    ['a sequence', '0987654321!!', /keyboard walk or a sequence/],
    ['a published demo password', 'officer-demo', /published demo password/],
  ])('refuses a password %s with a message naming the rule, and creates nothing', async (_rule, password, message) => {
    await expect(addAccount(store, account('chanh-vp', password))).rejects.toThrow(message);
    expect(await store.getAccount('chanh-vp')).toBeNull();
  });

  it('creates the account with a password that keeps every rule', async () => {
    const created = await addAccount(store, account('chanh-vp', 'a long secret 42'));
    expect(created).toMatchObject({ username: 'chanh-vp', role: 'admin', demo: false });
  });
});

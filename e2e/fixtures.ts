import { test as base, expect, type Page } from '@playwright/test';

export const ACCOUNTS = {
  leader: ['leader', 'leader-demo'],
  admin: ['admin', 'admin-demo'],
  officer: ['officer', 'officer-demo'],
  headHoanKiem: ['head-00070', 'head-demo'],
} as const;

/** Another account than the named ones, e.g. the head of a unit found at run time: `head-<code>` / `head-demo`. */
export type Credentials = readonly [username: string, password: string];

/** Signs in through the API (the login page has its own journey), sharing the session cookie with the page. */
async function signIn(page: Page, who: keyof typeof ACCOUNTS | Credentials): Promise<void> {
  const [username, password] = typeof who === 'string' ? ACCOUNTS[who] : who;
  const res = await page.request.post('/trpc/auth.login', { data: { username, password } });
  expect(res.status(), await res.text()).toBe(200);
}

export const test = base.extend<{ signIn: (who: keyof typeof ACCOUNTS | Credentials) => Promise<void> }>({
  signIn: async ({ page }, use) => {
    await use((who) => signIn(page, who));
  },
});

export { expect };

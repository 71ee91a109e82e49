import type { Unit } from '../../shared/schemas/unit';
import type { StoredAccount, Store } from '../store/port';
import { hashPassword } from './password';

/** SPEC §4's demo accounts; their passwords are public, so production refuses them. */
export const DEMO_PASSWORDS = ['leader-demo', 'admin-demo', 'officer-demo', 'head-demo'] as const;

export function isDemoPassword(password: string): boolean {
  return (DEMO_PASSWORDS as readonly string[]).includes(password);
}

export async function seedDemoAccounts(store: Store, units: readonly Unit[]): Promise<number> {
  const now = new Date().toISOString();
  const make = (username: string, role: StoredAccount['role'], unitCode: string | null, passwordHash: string, displayName: string | null): StoredAccount => ({
    username, displayName, role, unitCode, passwordHash, disabled: false, demo: true, createdAt: now, updatedAt: now,
  });
  const [leader, admin, officer, head] = await Promise.all(DEMO_PASSWORDS.map((p) => hashPassword(p)));
  const accounts = [
    make('leader', 'leader', null, leader as string, 'Lãnh đạo Thành phố (demo)'),
    make('admin', 'admin', null, admin as string, 'Quản trị (demo)'),
    make('officer', 'data_officer', null, officer as string, 'Cán bộ dữ liệu (demo)'),
    ...units.map((u) => make(`head-${u.code}`, 'unit_head', u.code, head as string, u.headName)),
  ];
  for (const a of accounts) await store.saveAccount(a, null);
  return accounts.length;
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/domain/access';
import type { Account } from '../../../../shared/schemas/account';
import { DataTable } from '../../components/ui/data-table';
import { ErrorNote, QueryState } from '../../components/ui/status';
import { formatDateTime } from '../../lib/format';
import { useFormFields } from '../../lib/use-form-fields';
import { useTRPC } from '../../lib/trpc';
import { UnitSelect } from './unit-select';

function CreateAccount() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const units = useQuery(trpc.units.list.queryOptions());
  const { values: form, field: set } = useFormFields({ username: '', displayName: '', role: 'leader' as Role, unitCode: '', password: '', email: '', language: 'vi' as 'vi' | 'en' });
  const create = useMutation(trpc.users.create.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.users.list.queryFilter()) }));
  return (
    <form
      className="card form-grid"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ username: form.username, displayName: form.displayName || null, role: form.role, unitCode: form.role === 'unit_head' ? form.unitCode || null : null, password: form.password, email: form.email.trim() || null, language: form.language });
      }}
    >
      <h2>{t('admin.create')}</h2>
      <label>{t('auth.username')} <input value={form.username} onChange={set('username')} required autoComplete="off" /></label>
      <label>{t('admin.name')} <input value={form.displayName} onChange={set('displayName')} /></label>
      <label>
        {t('admin.role')}{' '}
        <select value={form.role} onChange={set('role')}>
          {ROLES.map((r) => <option key={r} value={r}>{t(`auth.roles.${r}`)}</option>)}
        </select>
      </label>
      {form.role === 'unit_head' && (
        <label>
          {t('admin.unit')}{' '}
          <select value={form.unitCode} onChange={set('unitCode')} required>
            <option value="" />
            {units.data?.map((u) => <option key={u.code} value={u.code}>{u.name} ({u.code})</option>)}
          </select>
        </label>
      )}
      <label>{t('notices.email')} <input type="email" value={form.email} onChange={set('email')} autoComplete="off" /></label>
      <label>
        {t('notices.language')}{' '}
        <select value={form.language} onChange={set('language')}>
          <option value="vi">{t('notices.languages.vi')}</option>
          <option value="en">{t('notices.languages.en')}</option>
        </select>
      </label>
      <label>{t('auth.password')} <input type="password" value={form.password} onChange={set('password')} minLength={12} required autoComplete="new-password" /></label>
      <button type="submit" disabled={create.isPending}>{t('admin.create')}</button>
      {create.error && <ErrorNote error={create.error} />}
      {create.isSuccess && <p role="status">{t('admin.saved')}</p>}
    </form>
  );
}

/** The address an account's notices are mailed to; empty: notices stay in the dashboard. */
function EmailEditor({ account, onSave }: { account: Account; onSave: (email: string | null) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(account.email ?? '');
  return (
    <form className="inline" onSubmit={(e) => { e.preventDefault(); onSave(email.trim() || null); }}>
      <label>
        <span className="sr-only">{t('notices.email')} {account.username}</span>
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
      </label>
      {email.trim() !== (account.email ?? '') && <button type="submit" className="small">{t('admin.save')}</button>}
    </form>
  );
}

/** Change an account's role, and bind a unit head to their unit. */
function RoleEditor({ account, units, onSave }: { account: Account; units: readonly { code: string; name: string }[]; onSave: (role: Role, unitCode: string | null) => void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(account.role);
  const [unitCode, setUnitCode] = useState(account.unitCode ?? '');
  const changed = role !== account.role || (role === 'unit_head' && unitCode !== (account.unitCode ?? ''));
  return (
    <form className="inline" onSubmit={(e) => { e.preventDefault(); onSave(role, role === 'unit_head' ? unitCode || null : null); }}>
      <label>
        <span className="sr-only">{t('admin.role')} {account.username}</span>
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => <option key={r} value={r}>{t(`auth.roles.${r}`)}</option>)}
        </select>
      </label>
      {role === 'unit_head' && <UnitSelect label={`${t('admin.unit')} ${account.username}`} value={unitCode} units={units} onChange={setUnitCode} />}
      {changed && <button type="submit" className="small">{t('admin.save')}</button>}
    </form>
  );
}

export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.users.list.queryOptions());
  const units = useQuery(trpc.units.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.users.list.queryFilter());
  const update = useMutation(trpc.users.update.mutationOptions({ onSuccess: refresh }));
  const reset = useMutation(trpc.users.resetPassword.mutationOptions({ onSuccess: refresh }));
  const [passwords, setPasswords] = useState<Record<string, string>>({});
  return (
    <>
      <h1>{t('admin.users')}</h1>
      <CreateAccount />
      {(update.error ?? reset.error) && <ErrorNote error={(update.error ?? reset.error) as { message: string }} />}
      <QueryState query={users}>
        {(rows) => (
          <DataTable<Account>
            rows={rows}
            rowKey={(u) => u.username}
            columns={[
              { key: 'username', header: t('auth.username'), cell: (u) => <>{u.username}{u.demo ? <span className="muted"> ({t('admin.demo')})</span> : null}</> },
              { key: 'name', header: t('admin.name'), cell: (u) => u.displayName ?? '—' },
              { key: 'email', header: t('notices.email'), cell: (u) => <EmailEditor account={u} onSave={(email) => update.mutate({ username: u.username, email })} /> },
              {
                key: 'role',
                header: `${t('admin.role')} · ${t('admin.unit')}`,
                cell: (u) => <RoleEditor account={u} units={units.data ?? []} onSave={(role, unitCode) => update.mutate({ username: u.username, role, unitCode })} />,
              },
              {
                key: 'status',
                header: t('admin.status'),
                cell: (u) => (
                  <>
                    {u.disabled ? t('admin.disabled') : t('admin.active')}{' '}
                    <button type="button" className="small" onClick={() => update.mutate({ username: u.username, disabled: !u.disabled })}>
                      {u.disabled ? t('admin.enable') : t('admin.disable')}
                    </button>
                    <span className="muted small block">{formatDateTime(u.updatedAt, i18n.language)}</span>
                  </>
                ),
              },
              {
                key: 'reset',
                header: t('admin.reset'),
                cell: (u) => (
                  <form className="inline" onSubmit={(e) => { e.preventDefault(); reset.mutate({ username: u.username, password: passwords[u.username] ?? '' }); }}>
                    <label>
                      <span className="sr-only">{t('admin.newPassword')} {u.username}</span>
                      <input type="password" minLength={12} required value={passwords[u.username] ?? ''} onChange={(e) => setPasswords({ ...passwords, [u.username]: e.target.value })} autoComplete="new-password" />
                    </label>
                    <button type="submit" className="small">{t('admin.reset')}</button>
                  </form>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}

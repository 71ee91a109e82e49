import { NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PeriodPicker } from '../components/ui/period-picker';
import { IndexPicker } from '../components/ui/index-picker';
import type { Role } from '../../../shared/domain/access';
import { usePeriod } from '../lib/use-period';
import { useLogout } from '../lib/use-logout';
import { useMe } from '../lib/use-me';
import { useSwitchLanguage } from '../lib/use-switch-language';

const LINKS: readonly (readonly [string, string, readonly Role[] | null])[] = [
  ['/', 'nav.overview', null],
  ['/rankings', 'nav.rankings', null],
  ['/flags', 'nav.flags', null],
  ['/targets', 'nav.targets', null],
  ['/reports', 'nav.reports', null],
  ['/notices', 'notices.title', null],
  ['/programme', 'nav.programme', null],
  ['/imports', 'nav.imports', ['data_officer', 'admin']],
  ['/admin/users', 'admin.users', ['admin']],
  ['/admin/units', 'admin.units', ['admin']],
  ['/admin/indicators', 'indicatorAdmin.title', ['admin']],
  ['/admin/indexes', 'indexes.title', ['admin']],
  ['/admin/ladder', 'ladder.title', ['admin']],
  ['/admin/audit', 'admin.audit', ['admin']],
];

/** Keeps the period and the index when moving between pages, so the whole dashboard looks at the same week. */
function withPeriod(path: string, search: string): string {
  const from = new URLSearchParams(search);
  const keep = new URLSearchParams();
  for (const name of ['period', 'index']) {
    const value = from.get(name);
    if (value) keep.set(name, value);
  }
  const query = keep.toString();
  return query ? `${path}?${query}` : path;
}

export function Layout() {
  const { t, i18n } = useTranslation();
  const { search } = useLocation();
  const { demo } = usePeriod();
  const me = useMe().data;
  const logout = useLogout();
  const switchLanguage = useSwitchLanguage();
  const links = LINKS.filter(([, , roles]) => !roles || (me && roles.includes(me.role)));
  return (
    <>
      <a className="skip-link" href="#main">{t('app.skip')}</a>
      <header className="app-header">
        <div className="brand">
          <strong>{t('app.name')}</strong> <span className="muted">{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('nav.main')}>
          <ul>
            {links.map(([path, key]) => (
              <li key={path}>
                <NavLink to={withPeriod(path, search)} end={path === '/'}>{t(key)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <PeriodPicker />
        <IndexPicker />
        {me && (
          <span className="who">
            {me.role === 'unit_head' && me.unitCode ? <NavLink to={`/units/${me.unitCode}`}>{me.displayName ?? me.username}</NavLink> : <span>{me.displayName ?? me.username}</span>}
            <span className="muted"> · {t(`auth.roles.${me.role}`)}</span>{' '}
            <button type="button" className="link-light" onClick={() => logout.mutate()}>{t('auth.logout')}</button>
          </span>
        )}
        <button type="button" className="lang" lang={i18n.language === 'en' ? 'vi' : 'en'} title={t('language.label')} onClick={switchLanguage}>
          {t('language.switchTo')}
        </button>
      </header>
      {demo && (
        <p className="demo-banner" role="note">
          {t('app.demo')}
        </p>
      )}
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

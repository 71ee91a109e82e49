import { NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PeriodPicker } from '../components/ui/period-picker';
import { usePeriod } from '../lib/use-period';

const LINKS = [
  ['/', 'nav.overview'],
  ['/rankings', 'nav.rankings'],
  ['/flags', 'nav.flags'],
  ['/targets', 'nav.targets'],
  ['/imports', 'nav.imports'],
] as const;

/** Keeps the period when moving between pages, so the whole dashboard looks at the same week. */
function withPeriod(path: string, search: string): string {
  const period = new URLSearchParams(search).get('period');
  return period ? `${path}?period=${encodeURIComponent(period)}` : path;
}

export function Layout() {
  const { t, i18n } = useTranslation();
  const { search } = useLocation();
  const { demo } = usePeriod();
  return (
    <>
      <a className="skip-link" href="#main">{t('app.skip')}</a>
      <header className="app-header">
        <div className="brand">
          <strong>{t('app.name')}</strong> <span className="muted">{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('nav.main')}>
          <ul>
            {LINKS.map(([path, key]) => (
              <li key={path}>
                <NavLink to={withPeriod(path, search)} end={path === '/'}>{t(key)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <PeriodPicker />
        <button type="button" className="lang" lang={i18n.language === 'en' ? 'vi' : 'en'} title={t('language.label')} onClick={() => void i18n.changeLanguage(i18n.language === 'en' ? 'vi' : 'en')}>
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

import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../lib/use-me';

/** What a refused page shows: that the role may not see it, and the way home; never "retry", which cannot help. */
export function NotAllowed() {
  const { t } = useTranslation();
  const me = useMe().data;
  const home = me?.role === 'unit_head' && me.unitCode ? `/units/${me.unitCode}` : '/';
  return (
    <section className="not-allowed" aria-labelledby="not-allowed-title">
      <h1 id="not-allowed-title">{t('notAllowed.title')}</h1>
      <p>{me ? t('notAllowed.text', { role: t(`auth.roles.${me.role}`) }) : t('notAllowed.textNoRole')}</p>
      <p>
        <Link to={home}>{me?.role === 'unit_head' ? t('notAllowed.ownUnit') : t('notAllowed.home')}</Link>
      </p>
    </section>
  );
}

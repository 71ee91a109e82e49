import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <h1>404</h1>
      <p>
        <Link to="/">{t('nav.overview')}</Link>
      </p>
    </>
  );
}

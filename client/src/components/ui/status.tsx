import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="status" role="status" aria-live="polite">
      {t('status.loading')}
    </p>
  );
}

export function ErrorNote({ error, onRetry }: { error: { message: string }; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="status status-error" role="alert">
      <p>{t('status.error', { message: error.message })}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('status.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ text }: { text?: string }) {
  const { t } = useTranslation();
  return <p className="status">{text ?? t('status.empty')}</p>;
}

/** Loading, error or the content, for one query. */
export function QueryState<T>({ query, children }: { query: { data: T | undefined; error: { message: string } | null; isPending: boolean; refetch: () => unknown }; children: (data: T) => React.ReactNode }) {
  if (query.error) return <ErrorNote error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending || query.data === undefined) return <Loading />;
  return <>{children(query.data)}</>;
}

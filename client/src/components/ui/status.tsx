import { useTranslation } from 'react-i18next';
import { isClientError, isForbidden, useMessages } from '../../lib/messages';
import { NotAllowed } from './not-allowed';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="status" role="status" aria-live="polite">
      {t('status.loading')}
    </p>
  );
}

/** A failure in the reader's language; "retry" only where trying again can help (not after a refusal of the request). */
export function ErrorNote({ error, onRetry }: { error: { message: string }; onRetry?: () => void }) {
  const { t } = useTranslation();
  const { describe } = useMessages();
  const refused = isClientError(error);
  return (
    <div className="status status-error" role="alert">
      <p>{refused ? describe(error) : t('status.error', { message: describe(error) })}</p>
      {onRetry && !refused && (
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

/** Loading, error or the content, for one query; a refusal shows the "not allowed" page. */
export function QueryState<T>({ query, children }: { query: { data: T | undefined; error: { message: string } | null; isPending: boolean; refetch: () => unknown }; children: (data: T) => React.ReactNode }) {
  if (query.error && isForbidden(query.error)) return <NotAllowed />;
  if (query.error) return <ErrorNote error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending || query.data === undefined) return <Loading />;
  return <>{children(query.data)}</>;
}

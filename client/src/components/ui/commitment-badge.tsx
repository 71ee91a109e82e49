import { useTranslation } from 'react-i18next';
import type { CommitmentState } from '../../../../shared/domain/accountability';

const ICON: Record<CommitmentState, string> = { open: '…', met: '✓', missed: '✗' };

/** A commitment's state as computed from the data, or "chưa giải trình" when the unit has written none. */
export function CommitmentBadge({ state }: { state: CommitmentState | null }) {
  const { t } = useTranslation();
  if (state === null) return <span className="badge badge-commitment-none">{t('accountability.noExplanation')}</span>;
  return (
    <span className={`badge badge-commitment-${state}`}>
      <span aria-hidden="true">{ICON[state]}</span> {t(`accountability.states.${state}`)}
    </span>
  );
}

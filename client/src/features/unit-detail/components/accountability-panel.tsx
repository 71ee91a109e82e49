import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '../../../../../shared/schemas/api';
import { useMe } from '../../../lib/use-me';
import { CommitmentForm } from './commitment-form';
import { CommitmentHistory } from './commitment-history';
import { DecisionForm, DecisionList } from './decisions';

/** SPEC §9 on the unit's page: its explanations and commitments, the meeting's decisions, and the forms for those who write them. */
export function AccountabilityPanel({ detail }: { detail: UnitDetail }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const code = detail.unit.code;
  const below = detail.flags.filter((f) => f.state === 'below').map((f) => f.measure);
  const writes = me && (me.role === 'admin' || (me.role === 'unit_head' && me.unitCode === code));
  const decides = me && (me.role === 'leader' || me.role === 'admin');
  return (
    <section className="accountability" aria-labelledby="accountability">
      <h2 id="accountability">{t('accountability.title')}</h2>
      {writes && (below.length > 0 ? <CommitmentForm key={`${code}|${detail.period.id}`} unitCode={code} period={detail.period.id} below={below} /> : <p className="muted">{t('accountability.nothingBelow')}</p>)}
      <CommitmentHistory unitCode={code} />
      <DecisionList unitCode={code} />
      {decides && <DecisionForm unitCode={code} period={detail.period.id} />}
    </section>
  );
}

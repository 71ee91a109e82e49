import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc';
import { useIndex } from '../../lib/use-index';

/** Which index definition every ranking, overview and unit page is computed with; written to the URL. */
export function IndexPicker() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { index, setIndex } = useIndex();
  const list = useQuery(trpc.indexes.list.queryOptions(undefined, { staleTime: 300_000 }));
  const defaultId = list.data?.[0]?.id;
  return (
    <label className="index-picker">
      <span className="sr-only">{t('index.label')}</span>
      <select value={index ?? defaultId ?? ''} onChange={(e) => setIndex(e.target.value === defaultId ? null : e.target.value)} title={t('index.label')}>
        {list.data?.map((d) => (
          <option key={d.id} value={d.id}>{i18n.language === 'en' && d.nameEn ? d.nameEn : d.name} (v{d.version})</option>
        ))}
      </select>
    </label>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc';

/** Every ranking, overview and unit page says which index definition, and which version, its figures use. */
export function IndexLine({ id, version }: { id: string; version: number }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const list = useQuery(trpc.indexes.list.queryOptions(undefined, { staleTime: 300_000 }));
  const found = list.data?.find((d) => d.id === id);
  const name = found ? (i18n.language === 'en' && found.nameEn ? found.nameEn : found.name) : id;
  return <p className="index-line muted">{t('index.used', { name, id, version })}</p>;
}

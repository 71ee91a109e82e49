import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/ui/data-table';
import { ErrorNote, QueryState } from '../../components/ui/status';
import { formatDateTime } from '../../lib/format';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';

type Version = RouterOutputs['indexes']['versions'][number];

/**
 * Index definitions are data: an admin edits one as JSON and saves it as the next version (the server validates it,
 * keeps every earlier version for the reports made with it, and audits the change).
 */
export default function IndexesPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const versions = useQuery(trpc.indexes.versions.queryOptions());
  const [text, setText] = useState('');
  const [parseError, setParseError] = useState<string | null>(null);
  const save = useMutation(trpc.indexes.save.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }));
  const edit = (v: Version) => {
    setText(JSON.stringify({ ...v.definition, version: v.definition.version + 1 }, null, 2));
    setParseError(null);
  };
  const submit = () => {
    try {
      save.mutate(JSON.parse(text));
      setParseError(null);
    } catch {
      setParseError(t('indexes.notJson'));
    }
  };
  return (
    <>
      <h1>{t('indexes.title')}</h1>
      <p className="muted">{t('indexes.help')}</p>
      <QueryState query={versions}>
        {(rows) => (
          <DataTable<Version>
            rows={rows}
            rowKey={(v) => `${v.definition.id}-${v.definition.version}`}
            caption={t('indexes.title')}
            captionHidden
            columns={[
              { key: 'id', header: 'ID', cell: (v) => <code>{v.definition.id}</code> },
              { key: 'version', header: t('reports.version'), numeric: true, cell: (v) => v.definition.version },
              { key: 'name', header: t('indexes.name'), cell: (v) => v.definition.name },
              { key: 'components', header: t('index.components'), numeric: true, cell: (v) => v.definition.components.length },
              { key: 'origin', header: t('indexes.origin'), cell: (v) => (v.shipped ? t('indexes.shipped') : `${v.createdBy ?? '—'} · ${v.createdAt ? formatDateTime(v.createdAt, i18n.language) : ''}`) },
              { key: 'edit', header: <span className="sr-only">{t('admin.edit')}</span>, cell: (v) => <button type="button" className="small" onClick={() => edit(v)}>{t('indexes.newVersion')}</button> },
            ]}
          />
        )}
      </QueryState>
      <form className="card" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <label>
          {t('indexes.json')}
          <textarea rows={18} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} style={{ width: '100%', fontFamily: 'monospace' }} />
        </label>
        <button type="submit" disabled={save.isPending || text.trim() === ''}>{t('indexes.save')}</button>
        {parseError && <p role="alert">{parseError}</p>}
        {save.error && <ErrorNote error={save.error} />}
        {save.isSuccess && <p role="status">{t('admin.saved')}</p>}
      </form>
    </>
  );
}

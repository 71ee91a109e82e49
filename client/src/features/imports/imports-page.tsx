import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_KINDS, type ImportKind } from '../../../../shared/domain/import';
import type { ImportRecord } from '../../../../shared/schemas/import';
import { DataTable } from '../../components/ui/data-table';
import { ErrorNote, QueryState } from '../../components/ui/status';
import { formatCount, formatDateTime } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { uploadFile } from './api/upload';
import { IssueList } from './components/issue-list';

export function ImportsPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const history = useQuery(trpc.imports.list.queryOptions());
  const [kind, setKind] = useState<ImportKind>('dossiers');
  const fileInput = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: (file: File) => uploadFile(kind, file),
    onSettled: () => queryClient.invalidateQueries(),
  });
  const report = upload.data;
  return (
    <>
      <h1>{t('imports.title')}</h1>
      <form
        className="upload"
        onSubmit={(e) => {
          e.preventDefault();
          const file = fileInput.current?.files?.[0];
          if (file) upload.mutate(file);
        }}
      >
        <label>
          {t('imports.kind')}{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as ImportKind)}>
            {IMPORT_KINDS.map((k) => <option key={k} value={k}>{t(`imports.kinds.${k}`)}</option>)}
          </select>
        </label>
        <label>
          {t('imports.file')} <input ref={fileInput} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
        </label>
        <button type="submit" disabled={upload.isPending}>{upload.isPending ? t('imports.uploading') : t('imports.upload')}</button>
      </form>
      {upload.error && <ErrorNote error={upload.error} />}
      {report && (
        <div className={report.ok ? 'report report-ok' : 'report report-refused'} role={report.ok ? 'status' : 'alert'}>
          <p>
            <strong>{report.ok ? t('imports.ok', { rows: report.rows, file: report.fileName }) : t('imports.refused', { count: report.issueCount, file: report.fileName })}</strong>
          </p>
          {!report.ok && <IssueList issues={report.issues} total={report.issueCount} />}
        </div>
      )}
      <h2>{t('imports.past')}</h2>
      <QueryState query={history}>
        {(rows) => (
          <DataTable<ImportRecord>
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              { key: 'when', header: t('imports.when'), cell: (r) => formatDateTime(r.finishedAt, lng) },
              { key: 'kind', header: t('imports.kind'), cell: (r) => t(`imports.kinds.${r.kind}`) },
              { key: 'file', header: t('imports.file'), cell: (r) => r.fileName },
              { key: 'rows', header: t('imports.rows'), numeric: true, cell: (r) => formatCount(r.rows, lng) },
              { key: 'outcome', header: t('imports.outcome'), cell: (r) => (r.outcome === 'imported' ? t('imports.imported') : `${t('imports.refusedShort')} (${r.errorCount})`) },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}

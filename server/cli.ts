import { basename, resolve } from 'node:path';
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { describeIssues } from '../shared/format/import-report';
import { ImportKindSchema } from '../shared/schemas/import';
import { GroupSchema } from '../shared/schemas/unit';
import { ReportFormatSchema } from '../shared/schemas/report';
import { generateReport } from './reports/reports-service';
import { ranking } from './analytics/ranking';
import { rankingTable } from './cli-format';
import { databaseLabel, isPostgresUrl, readEnv, type Env } from './env';
import { migrateDuckDbToPostgres } from './store/migrate-db';
import type { Store } from './store/port';
import { UserError } from './errors';
import { importFile } from './import/run-import';
import { analyticsDeps, openStore } from './open-store';
import { seedDemo } from './seed/seed-demo';
import { addAccount, readPassword } from './cli-user';
import { form06Document } from './analytics/form06';
import { form06Table } from './cli-form06';
import { renderForm06Xlsx } from './reports/form06-xlsx';
import { backupDatabase, restoreDatabase } from './backup';

const USAGE = `Usage: npm run chiso -- <command>
  import units|targets|dossiers|indicators|values FILE   import a CSV or XLSX file (all rows or none)
  ranking --period P --group commune|department [--as-of ISO] [--index chiso-v2|chiso-v1|qd766|ID] [--json]
  report --period 2025-W31 --format pdf|xlsx|csv --out FILE [--lang vi|en] [--index ID] [--regenerate]
  form06 --period P [--group commune|department] [--as-of ISO] [--json | --out FILE.xlsx]   Biểu số 06/VPCP/KSTT: a table, its JSON, or the XLSX form
  migrate-db --to postgres://…              copy this DuckDB database (CHISO_DB) into an empty PostgreSQL database, checked
  seed-demo                                 replace all data with the demo data set
  backup FILE                               a consistent copy of the whole database in FILE, its SHA-256 in FILE.sha256
  restore FILE [--force]                    replace the database with a backup after checking its SHA-256 (--force: over data)
  user add NAME --role ROLE [--unit CODE] [--name TEXT] [--email ADDRESS] [--language vi|en]   create an account; the password is read from standard input
Settings: CHISO_DB (default ./data/chiso.duckdb)`;

class UsageError extends Error {}

/** Opens the database for one command and always closes it (DuckDB holds a file lock until then). */
async function withStore<T>(env: Env, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(env);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const env = readEnv();
  switch (command) {
    case 'import': {
      const [kindText, file] = rest;
      const kind = ImportKindSchema.safeParse(kindText);
      if (!kind.success || !file) throw new UsageError('import needs a kind (units, targets, dossiers, indicators or values) and a file');
      if (!existsSync(file)) throw new UserError('NOT_FOUND', `There is no file at ${file}.`);
      return withStore(env, async (store) => {
        const report = await importFile(store, { kind: kind.data, source: { path: file }, fileName: basename(file), actor: 'cli', limits: { maxRows: env.CHISO_MAX_ROWS } });
        if (report.ok) {
          process.stdout.write(`Imported ${report.rows} ${kind.data} rows from ${report.fileName} (import #${report.record?.id}).\n`);
          return 0;
        }
        process.stdout.write(`Refused ${report.fileName}: ${report.issueCount} problem${report.issueCount === 1 ? '' : 's'} found, nothing was imported.\n`);
        process.stdout.write(`${describeIssues(report.issues, report.issueCount).join('\n')}\n`);
        return 1;
      });
    }
    case 'ranking': {
      const { values } = parseArgs({ args: rest, options: { period: { type: 'string' }, group: { type: 'string' }, 'as-of': { type: 'string' }, index: { type: 'string' }, json: { type: 'boolean' } } });
      const group = GroupSchema.safeParse(values.group);
      const period = values.period;
      if (!period || !group.success) throw new UsageError('ranking needs --period (e.g. 2025-W31) and --group commune or department');
      return withStore(env, async (store) => {
        const out = await ranking(analyticsDeps(store, env), { period, group: group.data, asOf: values['as-of'], index: values.index });
        process.stdout.write(values.json ? `${JSON.stringify(out, null, 2)}\n` : `${rankingTable(out)}\n`);
        return 0;
      });
    }
    case 'user': {
      const [action, username, ...flags] = rest;
      if (action !== 'add' || !username) throw new UsageError('user add NAME --role leader|unit_head|data_officer|admin [--unit CODE] [--name "Display name"] [--email ADDRESS] [--language vi|en]');
      const { values } = parseArgs({ args: flags, options: { role: { type: 'string' }, unit: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' }, language: { type: 'string' } } });
      return withStore(env, async (store) => {
        const password = await readPassword();
        const account = await addAccount(store, { username, role: values.role, unitCode: values.unit ?? null, displayName: values.name ?? null, password, email: values.email ?? null, language: values.language ?? null });
        process.stdout.write(`Account ${account.username} (${account.role}${account.unitCode ? `, unit ${account.unitCode}` : ''}) created.\n`);
        return 0;
      });
    }
    case 'report': {
      const { values } = parseArgs({ args: rest, options: { period: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' }, index: { type: 'string' }, regenerate: { type: 'boolean' } } });
      const format = ReportFormatSchema.safeParse(values.format);
      const lang = values.lang === 'en' ? 'en' : values.lang === undefined || values.lang === 'vi' ? 'vi' : null;
      const { period, out } = values;
      if (!period || !format.success || !out || !lang) throw new UsageError('report needs --period (e.g. 2025-W31), --format pdf|xlsx|csv and --out FILE; --lang vi|en is optional');
      return withStore(env, async (store) => {
        const deps = analyticsDeps(store, env);
        const record = await generateReport(deps, { period, format: format.data, language: lang, regenerate: values.regenerate ?? false, trigger: 'cli', actor: 'cli', index: values.index });
        const found = await store.reportContent(record.id);
        writeFileSync(out, found?.content ?? Buffer.alloc(0));
        process.stdout.write(`Wrote ${out}: ${record.period}, ${record.format}, version ${record.version}, data as of ${record.cutOff}.\n`);
        return 0;
      });
    }
    case 'form06': {
      const { values } = parseArgs({ args: rest, options: { period: { type: 'string' }, group: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' } } });
      const group = values.group === undefined ? undefined : GroupSchema.safeParse(values.group).data;
      const { period, out } = values;
      if (!period || (values.group !== undefined && !group) || (values.json && out)) throw new UsageError('form06 needs --period (e.g. 2025-Q3); --group commune|department and --as-of are optional; then --json or --out FILE.xlsx, not both');
      return withStore(env, async (store) => {
        const deps = analyticsDeps(store, env);
        const doc = await form06Document(deps, { period, group, asOf: values['as-of'] });
        const cutOff = new Date(doc.cutOff).toISOString();
        if (out) {
          writeFileSync(out, await renderForm06Xlsx(doc, new Date(deps.now()).toISOString()));
          process.stdout.write(`Wrote ${out}: Biểu số 06, ${doc.period.id}${doc.group ? `, ${doc.group}` : ''}, ${doc.form.rows.length} units, data as of ${cutOff}.\n`);
        } else process.stdout.write(values.json ? `${JSON.stringify(doc.form, null, 2)}\n` : `${form06Table(doc.form, cutOff)}\n`);
        return 0;
      });
    }
    case 'migrate-db': {
      const { values } = parseArgs({ args: rest, options: { to: { type: 'string' } } });
      if (!values.to || !isPostgresUrl(values.to)) throw new UsageError('migrate-db needs --to postgres://… (an empty PostgreSQL database)');
      if (isPostgresUrl(env.CHISO_DB)) throw new UsageError('CHISO_DB must name the DuckDB file to copy from');
      try {
        const copied = await migrateDuckDbToPostgres(resolve(env.CHISO_DB), values.to, (line) => process.stdout.write(`${line}\n`));
        process.stdout.write(`Copied ${copied.reduce((n, t) => n + t.rows, 0)} rows into ${databaseLabel(values.to)}; counts and figures checked.\n`);
        return 0;
      } catch (error) {
        throw new UserError('BAD_REQUEST', `migrate-db refused: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    case 'seed-demo': {
      return withStore(env, async (store) => {
        const summary = await seedDemo(store, Date.now());
        process.stdout.write(`Demo data ready: ${summary.units} units, ${summary.targets} targets, ${summary.dossiers} synthetic dossiers, ${summary.values} synthetic reported values, ${summary.accounts} demo accounts.\n`);
        return 0;
      });
    }
    case 'backup': {
      const [file, ...extra] = rest;
      if (!file || extra.length > 0) throw new UsageError('backup needs one file to write, e.g. backup backups/chiso-2025-08-04.duckdb');
      process.stdout.write(`${await backupDatabase(env.CHISO_DB, file)}\n`);
      return 0;
    }
    case 'restore': {
      const { values, positionals } = parseArgs({ args: rest, options: { force: { type: 'boolean' } }, allowPositionals: true });
      if (positionals.length !== 1) throw new UsageError('restore needs one backup file (with its .sha256 beside it), and --force to replace a database that holds data');
      process.stdout.write(`${await restoreDatabase(env.CHISO_DB, positionals[0] as string, values.force ?? false)}\n`);
      return 0;
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    const message = error instanceof UserError || (error instanceof Error && error.message.startsWith('chiso cannot start')) ? error.message : `chiso failed: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`${message}\n`);
    process.exit(1);
  },
);

import { basename, resolve } from 'node:path';
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ImportKindSchema } from '../shared/schemas/import';
import { GroupSchema } from '../shared/schemas/unit';
import { ReportFormatSchema } from '../shared/schemas/report';
import type { AnalyticsDeps } from './analytics/deps';
import { databaseLabel, isPostgresUrl, type Env } from './env';
import { UserError } from './errors';

/** The CLI speaks English (decision 023); the dashboard renders the same reasons in Vietnamese or English. */
export const CLI_LANGUAGE_NOTE = 'Reasons are in English; the dashboard shows them in Vietnamese (Tiếng Việt) or English.';

// Each command loads what it needs when it runs (`await import`): a ranking does not wait for the spreadsheet,
// PDF and PostgreSQL libraries to load (the build splits them into chunks of their own).

export const USAGE = `Usage: npm run chiso -- <command>
  import units|targets|dossiers|indicators|values FILE   import a CSV or XLSX file (all rows or none)
  ranking --period P --group commune|department [--as-of ISO] [--index chiso-v2|chiso-v1|qd766|ID] [--json]
  report --period 2025-W31 --format pdf|xlsx|csv --out FILE [--lang vi|en] [--index ID] [--regenerate]
  form06 --period P [--group commune|department] [--as-of ISO] [--json | --out FILE.xlsx]   Biểu số 06/VPCP/KSTT: a table, its JSON, or the XLSX form
  migrate-db --to postgres://…              copy this DuckDB database (CHISO_DB) into an empty PostgreSQL database, checked
  seed-demo                                 replace all data with the demo data set
  backup FILE                               a consistent copy of the whole database in FILE, its SHA-256 in FILE.sha256
  restore FILE [--force]                    replace the database with a backup after checking its SHA-256 (--force: over data)
  user add NAME --role ROLE [--unit CODE] [--name TEXT] [--email ADDRESS] [--language vi|en]   create an account; the password is read from standard input
Every command works while the server runs: on DuckDB the running server does the work for the command line.
Settings: CHISO_DB (default ./data/chiso.duckdb)`;

/** What a command says and asks: its own process's streams, or a running server's channel to the command line. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  /** The password for `user add`, read from the command line's standard input. */
  readPassword(): Promise<string>;
  /** Where relative file names are taken from: the command line's working folder. */
  cwd: string;
}

/**
 * Where a command runs. On the command line's own process, it opens the database for the command; inside a running
 * DuckDB server (which holds the file), it uses the server's store and caches, so that the server's next answers
 * include what the command changed.
 */
export interface CommandHost {
  env: Env;
  /** Set when a running server runs the command for the command line. */
  serving: boolean;
  withDeps<T>(work: (deps: AnalyticsDeps) => Promise<T>): Promise<T>;
  /** After data changed: a server pre-counts the current week again, as after an upload. */
  dataChanged(deps: AnalyticsDeps): Promise<void>;
  backup(file: string): Promise<string>;
  restore(file: string, force: boolean): Promise<string>;
}

export class UsageError extends Error {}

/** A command a running DuckDB server does not do for the command line, and why. */
const REFUSED_WHILE_SERVING: Record<string, string> = {
  'seed-demo':
    'seed-demo replaces every record in several steps over about a minute, so the users of the running server would see a half-made database. Stop the server, run seed-demo, then start it again (a server started on an empty database seeds the demo by itself). Nothing was changed.',
  'migrate-db':
    'migrate-db copies this DuckDB database to PostgreSQL and checks every figure afterwards, which needs a database that does not change while it is copied. Stop the server, run migrate-db, then start the server on the PostgreSQL URL. Nothing was copied.',
};

async function run(argv: readonly string[], io: CommandIo, host: CommandHost): Promise<number> {
  const [command, ...rest] = argv;
  const { env } = host;
  const path = (file: string) => resolve(io.cwd, file);
  if (host.serving && command && command in REFUSED_WHILE_SERVING) throw new UserError('CONFLICT', `The server is running on ${env.CHISO_DB}: ${REFUSED_WHILE_SERVING[command]}`);
  switch (command) {
    case 'import': {
      const [kindText, file] = rest;
      const kind = ImportKindSchema.safeParse(kindText);
      if (!kind.success || !file) throw new UsageError('import needs a kind (units, targets, dossiers, indicators or values) and a file');
      if (!existsSync(path(file))) throw new UserError('NOT_FOUND', `There is no file at ${file}.`);
      const [{ importFile }, { describeIssues }] = await Promise.all([import('./import/run-import'), import('../shared/format/import-report')]);
      return host.withDeps(async (deps) => {
        const report = await importFile(deps.store, { kind: kind.data, source: { path: path(file) }, fileName: basename(file), actor: 'cli', limits: { maxRows: env.CHISO_MAX_ROWS } });
        if (report.ok) {
          io.out(`Imported ${report.rows} ${kind.data} rows from ${report.fileName} (import #${report.record?.id}).\n`);
          await host.dataChanged(deps);
          return 0;
        }
        io.out(`Refused ${report.fileName}: ${report.issueCount} problem${report.issueCount === 1 ? '' : 's'} found, nothing was imported.\n`);
        io.out(`${describeIssues(report.issues, report.issueCount).join('\n')}\n`);
        io.out(`${CLI_LANGUAGE_NOTE}\n`);
        return 1;
      });
    }
    case 'ranking': {
      const { values } = parseArgs({ args: rest, options: { period: { type: 'string' }, group: { type: 'string' }, 'as-of': { type: 'string' }, index: { type: 'string' }, json: { type: 'boolean' } } });
      const group = GroupSchema.safeParse(values.group);
      const period = values.period;
      if (!period || !group.success) throw new UsageError('ranking needs --period (e.g. 2025-W31) and --group commune or department');
      const [{ ranking }, { rankingTable }] = await Promise.all([import('./analytics/ranking'), import('./cli-format')]);
      return host.withDeps(async (deps) => {
        const out = await ranking(deps, { period, group: group.data, asOf: values['as-of'], index: values.index });
        io.out(values.json ? `${JSON.stringify(out, null, 2)}\n` : `${rankingTable(out)}\n`);
        return 0;
      });
    }
    case 'user': {
      const [action, username, ...flags] = rest;
      if (action !== 'add' || !username) throw new UsageError('user add NAME --role leader|unit_head|data_officer|admin [--unit CODE] [--name "Display name"] [--email ADDRESS] [--language vi|en]');
      const { values } = parseArgs({ args: flags, options: { role: { type: 'string' }, unit: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' }, language: { type: 'string' } } });
      const { addAccount } = await import('./cli-user');
      return host.withDeps(async ({ store }) => {
        const password = await io.readPassword();
        const account = await addAccount(store, { username, role: values.role, unitCode: values.unit ?? null, displayName: values.name ?? null, password, email: values.email ?? null, language: values.language ?? null });
        io.out(`Account ${account.username} (${account.role}${account.unitCode ? `, unit ${account.unitCode}` : ''}) created.\n`);
        return 0;
      });
    }
    case 'report': {
      const { values } = parseArgs({ args: rest, options: { period: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' }, index: { type: 'string' }, regenerate: { type: 'boolean' } } });
      const format = ReportFormatSchema.safeParse(values.format);
      const lang = values.lang === 'en' ? 'en' : values.lang === undefined || values.lang === 'vi' ? 'vi' : null;
      const { period, out } = values;
      if (!period || !format.success || !out || !lang) throw new UsageError('report needs --period (e.g. 2025-W31), --format pdf|xlsx|csv and --out FILE; --lang vi|en is optional');
      const { generateReport } = await import('./reports/reports-service');
      return host.withDeps(async (deps) => {
        const record = await generateReport(deps, { period, format: format.data, language: lang, regenerate: values.regenerate ?? false, trigger: 'cli', actor: 'cli', index: values.index });
        const found = await deps.store.reportContent(record.id);
        writeFileSync(path(out), found?.content ?? Buffer.alloc(0));
        io.out(`Wrote ${out}: ${record.period}, ${record.format}, version ${record.version}, data as of ${record.cutOff}.\n`);
        return 0;
      });
    }
    case 'form06': {
      const { values } = parseArgs({ args: rest, options: { period: { type: 'string' }, group: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' } } });
      const group = values.group === undefined ? undefined : GroupSchema.safeParse(values.group).data;
      const { period, out } = values;
      if (!period || (values.group !== undefined && !group) || (values.json && out)) throw new UsageError('form06 needs --period (e.g. 2025-Q3); --group commune|department and --as-of are optional; then --json or --out FILE.xlsx, not both');
      const [{ form06Document }, { form06Table }, { renderOffThread }] = await Promise.all([import('./analytics/form06'), import('./cli-form06'), import('./reports/render-off-thread')]);
      return host.withDeps(async (deps) => {
        const doc = await form06Document(deps, { period, group, asOf: values['as-of'] });
        const cutOff = new Date(doc.cutOff).toISOString();
        if (out) {
          // Laid out on the render worker: run through the server (decision 020), it holds up none of its requests.
          writeFileSync(path(out), await renderOffThread({ kind: 'form06-xlsx', doc, generatedAt: new Date(deps.now()).toISOString() }));
          io.out(`Wrote ${out}: Biểu số 06, ${doc.period.id}${doc.group ? `, ${doc.group}` : ''}, ${doc.form.rows.length} units, data as of ${cutOff}.\n`);
        } else io.out(values.json ? `${JSON.stringify(doc.form, null, 2)}\n` : `${form06Table(doc.form, cutOff)}\n`);
        return 0;
      });
    }
    case 'migrate-db': {
      const { values } = parseArgs({ args: rest, options: { to: { type: 'string' } } });
      if (!values.to || !isPostgresUrl(values.to)) throw new UsageError('migrate-db needs --to postgres://… (an empty PostgreSQL database)');
      if (isPostgresUrl(env.CHISO_DB)) throw new UsageError('CHISO_DB must name the DuckDB file to copy from');
      const { migrateDuckDbToPostgres } = await import('./store/migrate-db');
      try {
        const copied = await migrateDuckDbToPostgres(resolve(env.CHISO_DB), values.to, (line) => io.out(`${line}\n`));
        io.out(`Copied ${copied.reduce((n, t) => n + t.rows, 0)} rows into ${databaseLabel(values.to)}; counts and figures checked.\n`);
        return 0;
      } catch (error) {
        throw new UserError('BAD_REQUEST', `migrate-db refused: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    case 'seed-demo': {
      const { seedDemo } = await import('./seed/seed-demo');
      return host.withDeps(async ({ store }) => {
        const summary = await seedDemo(store, Date.now());
        io.out(`Demo data ready: ${summary.units} units, ${summary.targets} targets, ${summary.dossiers} synthetic dossiers, ${summary.values} synthetic reported values, ${summary.accounts} demo accounts.\n`);
        return 0;
      });
    }
    case 'backup': {
      const [file, ...extra] = rest;
      if (!file || extra.length > 0) throw new UsageError('backup needs one file to write, e.g. backup backups/chiso-2025-08-04.duckdb');
      io.out(`${await host.backup(path(file))}\n`);
      return 0;
    }
    case 'restore': {
      const { values, positionals } = parseArgs({ args: rest, options: { force: { type: 'boolean' } }, allowPositionals: true });
      if (positionals.length !== 1) throw new UsageError('restore needs one backup file (with its .sha256 beside it), and --force to replace a database that holds data');
      io.out(`${await host.restore(path(positionals[0] as string), values.force ?? false)}\n`);
      return 0;
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
}

/**
 * Runs one command and answers its exit code: 0 done, 1 refused or failed (the reason on `err`), 2 a usage mistake.
 * The command line and a running server (for the command line) both run commands here, so both say the same.
 */
export async function runCommand(argv: readonly string[], io: CommandIo, host: CommandHost): Promise<number> {
  try {
    return await run(argv, io, host);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    const plain = error instanceof UserError || (error instanceof Error && error.message.startsWith('chiso cannot start'));
    io.err(`${plain ? (error as Error).message : `chiso failed: ${error instanceof Error ? error.message : String(error)}`}\n`);
    return 1;
  }
}

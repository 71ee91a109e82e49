import pg from 'pg';
import type { PoolClient } from 'pg';
import type { Row } from './sql';

export type Client = PoolClient;

/**
 * A connection pool that refuses work once closing and waits, when closing, for the work under way: the same
 * promise the DuckDB adapter keeps. Every transaction runs on one pooled connection.
 */
export class PgDb {
  private closed = false;
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(private readonly pool: pg.Pool) {
    // An idle connection the server dropped is discarded by the pool; without a listener its error would end the process.
    pool.on('error', () => undefined);
  }

  /**
   * Every connection runs without JIT compilation (`jit=off`): chiso's statements are short aggregates over
   * rollups or one unit's dossiers, and PostgreSQL's cost model, fooled by a large estimate, would spend a second
   * compiling a query that runs in a tenth of that (decision 027).
   */
  static connect(url: string, max: number): PgDb {
    return new PgDb(new pg.Pool({ connectionString: url, max, application_name: 'chiso', options: '-c jit=off' }));
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inflight.add(work);
    return work.finally(() => this.inflight.delete(work));
  }

  private refuseIfClosed(): void {
    if (this.closed) throw new Error('The database is closed.');
  }

  async query(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    this.refuseIfClosed();
    return (await this.track(this.pool.query(sql, params as unknown[]))).rows as Row[];
  }

  /** A connection of its own, for work that spans calls (a dossier import); the caller releases it. */
  async checkout(): Promise<Client> {
    this.refuseIfClosed();
    return this.track(this.pool.connect());
  }

  transaction<T>(work: (c: Client) => Promise<T>): Promise<T> {
    this.refuseIfClosed();
    return this.track(
      (async () => {
        const c = await this.pool.connect();
        try {
          await c.query('BEGIN');
          const result = await work(c);
          await c.query('COMMIT');
          c.release();
          return result;
        } catch (error) {
          await rollback(c);
          throw error;
        }
      })(),
    );
  }

  /** Refuses new work, waits for what is running, then closes every connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.inflight]);
    await this.pool.end();
  }
}

/** Rolls back and returns the connection to the pool, or discards it when it cannot roll back. */
export async function rollback(c: Client): Promise<void> {
  try {
    await c.query('ROLLBACK');
    c.release();
  } catch (error) {
    c.release(error instanceof Error ? error : true);
  }
}

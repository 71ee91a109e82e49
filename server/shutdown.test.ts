import { createServer, type Server } from 'node:http';
import { Agent, request } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { LogLevel } from './log';
import { gracefulShutdown } from './shutdown';
import { listen } from './testing/http-client';

/** A server whose `/slow` answers after `ms`, and a record of what the shutdown did, in order. */
function slowServer(ms: number) {
  const events: string[] = [];
  const server: Server = createServer((req, res) => {
    const answer = () => res.end(`done ${req.url}`);
    if (req.url === '/slow') setTimeout(answer, ms);
    else answer();
  });
  let exited: (code: number) => void = () => undefined;
  const exitCode = new Promise<number>((resolve) => {
    exited = resolve;
  });
  const log = (level: LogLevel, msg: string) => events.push(`${level}: ${msg}`);
  return { server, events, exitCode, log, exit: (code: number) => (events.push(`exit ${code}`), exited(code)) };
}

/** GET over a keep-alive connection, as browsers and proxies hold them. */
function get(base: string, path: string, agent: Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(`${base}${path}`, { agent }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('graceful shutdown', () => {
  it('finishes the request in flight on a keep-alive connection, refuses new ones, releases the database, then exits 0', async () => {
    const s = slowServer(300);
    const base = await listen(s.server);
    const agent = new Agent({ keepAlive: true });
    expect((await get(base, '/warm', agent)).status).toBe(200);
    const started = Date.now();
    const inFlight = get(base, '/slow', agent);
    await new Promise((resolve) => setTimeout(resolve, 50));
    gracefulShutdown({ server: s.server, release: async () => void s.events.push('released'), log: s.log, exit: s.exit })('SIGTERM');
    await expect(get(base, '/late', new Agent())).rejects.toThrow(/ECONNREFUSED/);
    expect(await inFlight).toEqual({ status: 200, body: 'done /slow' });
    expect(await s.exitCode).toBe(0);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(s.events).toEqual(['info: shutting down', 'released', 'info: stopped', 'exit 0']);
    agent.destroy();
  });

  it('exits anyway when a request hangs past the grace time', async () => {
    const s = slowServer(60_000);
    const base = await listen(s.server);
    const hanging = get(base, '/slow', new Agent()).catch(() => null);
    await new Promise((resolve) => setTimeout(resolve, 50));
    gracefulShutdown({ server: s.server, release: async () => void s.events.push('released'), log: s.log, exit: s.exit, graceMs: 200 })('SIGINT');
    expect(await s.exitCode).toBe(1);
    expect(s.events).toEqual(['info: shutting down', 'error: requests still running after 200 ms: exiting anyway', 'exit 1']);
    s.server.closeAllConnections();
    await hanging;
  });
});

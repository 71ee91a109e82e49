import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { errorFields, type Logger } from './log';
import { runCommand, type CommandHost, type CommandIo } from './cli-commands';

/**
 * The command channel (docs/decisions/020): a DuckDB file can be open for writing in one process only, and a
 * running server holds it. The server therefore listens on a Unix socket beside the file, readable and writable
 * by its own OS user only (mode 0600), and runs the commands the command line hands it with the same code as the
 * command line would, so the output and the exit code are the same, and its caches see the change at once.
 *
 * Messages are JSON, one per line. The command line sends `{ argv, cwd }` and, when asked, `{ password }`; the
 * server sends `{ out }`, `{ err }`, `{ ask: 'password' }` and finally `{ exit }`.
 */

/** The longest Unix socket path Linux takes (108 bytes with the terminating NUL), with a margin. */
const MAX_SOCKET_PATH = 100;
const MAX_MESSAGE_CHARS = 1_000_000;

/** The socket for the database at `db` (absolute): beside it, or in a private folder when that path is too long. */
export function channelPath(db: string): string {
  const beside = join(dirname(db), `.${basename(db)}.cli.sock`);
  if (Buffer.byteLength(beside) <= MAX_SOCKET_PATH) return beside;
  return join(privateFolder(), `${createHash('sha256').update(db).digest('hex').slice(0, 24)}.sock`);
}

/** A folder of this OS user's own under the temporary folder, which nobody else can enter. */
function privateFolder(): string {
  const dir = join(tmpdir(), `chiso-${process.getuid?.() ?? 'user'}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const info = lstatSync(dir);
  if (!info.isDirectory() || info.uid !== process.getuid?.() || (info.mode & 0o077) !== 0) {
    throw new Error(`${dir} is not a private folder of this user: the command channel cannot be placed there.`);
  }
  return dir;
}

/** A socket at `path` that this OS user made; anything else there is not a chiso server to talk to. */
function ownSocket(path: string): boolean {
  try {
    const info = lstatSync(path);
    return info.isSocket() && info.uid === process.getuid?.();
  } catch {
    return false;
  }
}

function connect(path: string): Promise<Socket | null> {
  return new Promise((resolveSocket) => {
    const socket = createConnection(path);
    socket.once('connect', () => resolveSocket(socket));
    socket.once('error', () => resolveSocket(null));
  });
}

function send(socket: Socket, message: Record<string, unknown>): void {
  if (!socket.destroyed) socket.write(`${JSON.stringify(message)}\n`);
}

/** Reads one JSON message per line; a line that is too long or not an object ends the conversation. */
function messages(socket: Socket, onMessage: (m: Record<string, unknown>) => void, onBad: (reason: string) => void): void {
  const lines = createInterface({ input: socket, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (line.length > MAX_MESSAGE_CHARS) return onBad('a message is too long');
    try {
      const parsed: unknown = JSON.parse(line);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) onMessage(parsed as Record<string, unknown>);
      else onBad('a message is not an object');
    } catch {
      onBad('a message is not JSON');
    }
  });
}

export interface CommandChannel {
  path: string;
  /** Stops taking commands and waits for those running. */
  close(): Promise<void>;
}

export interface ChannelOptions {
  /** The DuckDB file the server holds (absolute). */
  db: string;
  host: CommandHost;
  log: Logger;
}

/** Clears a socket left by a server that was killed; refuses to start beside another server that still answers. */
async function clearLeftover(path: string): Promise<void> {
  let info;
  try {
    info = lstatSync(path);
  } catch {
    return;
  }
  if (!info.isSocket()) throw new Error(`chiso cannot start: ${path} is in the way of the command channel and is not a socket; move it away.`);
  const other = await connect(path);
  if (other) {
    other.destroy();
    throw new Error(`chiso cannot start: another chiso server answers on ${path} for the same database.`);
  }
  unlinkSync(path);
}

function listenPrivately(server: Server, path: string): Promise<void> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    // The socket is made with the process's umask: nobody but this user may connect from the moment it exists.
    const umask = process.umask(0o177);
    try {
      server.listen(path, () => {
        server.off('error', reject);
        resolveListen();
      });
    } finally {
      process.umask(umask);
    }
  });
}

/** The server's side: takes commands from the command line on the socket beside its DuckDB file. */
export async function openCommandChannel({ db, host, log }: ChannelOptions): Promise<CommandChannel> {
  const path = channelPath(db);
  await clearLeftover(path);
  const running = new Set<Promise<unknown>>();
  const server = createServer((socket) => {
    let started = false;
    let answer: ((password: string) => void) | null = null;
    const end = (reason: string) => {
      log('warn', 'command channel: conversation ended', { reason });
      socket.destroy();
    };
    socket.on('error', () => undefined);
    messages(socket, (message) => {
      if (!started) {
        const { argv, cwd } = message;
        if (!Array.isArray(argv) || !argv.every((a) => typeof a === 'string') || typeof cwd !== 'string' || !isAbsolute(cwd)) return end('the first message is not { argv, cwd }');
        started = true;
        const io: CommandIo = {
          cwd,
          out: (text) => send(socket, { out: text }),
          err: (text) => send(socket, { err: text }),
          readPassword: () =>
            new Promise<string>((resolvePassword) => {
              answer = resolvePassword;
              send(socket, { ask: 'password' });
            }),
        };
        const command = String(argv[0] ?? '');
        log('info', 'command from the command line', { command });
        const work = runCommand(argv as string[], io, host)
          .then((code) => {
            log('info', 'command from the command line done', { command, exit: code });
            send(socket, { exit: code });
            socket.end();
          })
          .catch((error: unknown) => {
            log('error', 'command from the command line failed', { command, ...errorFields(error) });
            send(socket, { err: 'chiso failed on the server; see its log.\n' });
            send(socket, { exit: 1 });
            socket.end();
          })
          .finally(() => running.delete(work));
        running.add(work);
        return;
      }
      if (answer && typeof message.password === 'string') {
        const give = answer;
        answer = null;
        give(message.password);
      } else end('an unexpected message');
    }, end);
    socket.on('close', () => {
      // A command line that went away while asked for its password gets an empty one, which the policy refuses.
      if (answer) answer('');
    });
  });
  await listenPrivately(server, path);
  chmodSync(path, 0o600);
  return {
    path,
    close: async () => {
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      await Promise.allSettled([...running]);
    },
  };
}

export interface ClientIo {
  out(text: string): void;
  err(text: string): void;
  readPassword(): Promise<string>;
}

/**
 * The command line's side: hands the command to the server that holds the DuckDB file at `db` (absolute) and
 * relays what it says. Null when no server answers there, and the command line does the work itself.
 */
export async function handToServer(db: string, argv: readonly string[], io: ClientIo, cwd = process.cwd()): Promise<number | null> {
  const path = channelPath(resolve(db));
  if (!ownSocket(path)) return null;
  const socket = await connect(path);
  if (!socket) return null;
  return new Promise<number>((resolveExit) => {
    let exit: number | null = null;
    const finish = (code: number) => {
      if (exit !== null) return;
      exit = code;
      socket.end();
      resolveExit(code);
    };
    messages(socket, (message) => {
      if (typeof message.out === 'string') io.out(message.out);
      else if (typeof message.err === 'string') io.err(message.err);
      else if (message.ask === 'password') {
        io.readPassword().then((password) => send(socket, { password }), () => send(socket, { password: '' }));
      } else if (typeof message.exit === 'number') finish(message.exit);
    }, (reason) => {
      io.err(`The running chiso server answered something unexpected (${reason}).\n`);
      finish(1);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (exit === null) {
        io.err('The running chiso server stopped before the command finished; see its log. What the command changed, if anything, was written whole or not at all.\n');
        finish(1);
      }
    });
    send(socket, { argv, cwd });
  });
}

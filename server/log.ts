/** One JSON object per line on standard output, so a log collector reads fields rather than parsing sentences. */
export type LogLevel = 'info' | 'warn' | 'error';
export type Logger = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => void;

export const SILENT: Logger = () => undefined;

export function jsonLogger(write: (line: string) => void = (line) => process.stdout.write(line), now: () => Date = () => new Date()): Logger {
  return (level, msg, fields = {}) => write(`${JSON.stringify({ time: now().toISOString(), level, msg, ...fields })}\n`);
}

/** What an error log line carries: the stack stays in the log, never in a response. */
export function errorFields(error: unknown): Record<string, unknown> {
  return error instanceof Error ? { error: error.message, stack: error.stack } : { error: String(error) };
}

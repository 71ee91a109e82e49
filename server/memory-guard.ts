import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface MemoryGuardOptions {
  /** Growth of RSS since the last collection that sets off the next one. */
  stepBytes?: number;
  everyMs?: number;
  rss?: () => number;
  gc?: () => void;
}

/** V8's full collection, made callable at run time rather than with a command-line flag on every way chiso starts. */
function exposedGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * DuckDB's results and prepared statements hold native memory that is freed only when V8 collects their small
 * JavaScript wrappers. Reads make little JavaScript garbage, so V8 collected rarely and RSS climbed past 1 GB under
 * steady cold reads before falling back (BENCHMARKS.md, "Soak"; docs/decisions/018-native-memory.md). This runs a
 * full collection whenever RSS has grown by `stepBytes` since the last one.
 */
export function startMemoryGuard({ stepBytes = 128 * 1024 * 1024, everyMs = 1000, rss = () => process.memoryUsage.rss(), gc = exposedGc() }: MemoryGuardOptions = {}): () => void {
  let base = rss();
  const timer = setInterval(() => {
    const now = rss();
    if (now - base > stepBytes) {
      gc();
      base = rss();
    } else if (now < base) {
      base = now;
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { ROOT } from '../root';
import type { RenderJob, RenderReply, RenderRequest } from './render-jobs';

/** A worker left without work is stopped after this long; the next document starts another (≈0.3 s). */
const IDLE_MS = 30_000;
/** A document not laid out within this long fails, and its worker is replaced: a hang holds up no later document. */
const JOB_MS = 300_000;
/** The worker's own heap: a document that would need more fails alone instead of taking the process's memory. */
const HEAP_MB = 768;

/**
 * The worker's entry: the compiled one beside the compiled server (scripts/build-server.mjs builds it as an entry of
 * its own), or, when this module runs from its sources, a small bootstrap that loads the TypeScript through tsx.
 */
function workerEntry(): URL | string {
  return import.meta.url.endsWith('.ts') ? new URL('./render-worker-source.mjs', import.meta.url) : join(ROOT, 'dist', 'server', 'render-worker.js');
}

interface Pending {
  resolve: (bytes: Buffer) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Lays out documents on one worker thread (docs/decisions/028), so that a weekly pack being made holds up no
 * request: the caller gathers the data (the database work stays on the main thread) and gets the bytes back. The
 * worker starts with the first document, keeps the process alive only while it has work, and stops when idle.
 */
class Renderer {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idle: NodeJS.Timeout | null = null;
  /** Documents the worker has sent back, for tests that the service renders off the main thread. */
  rendered = 0;

  render(job: RenderJob, timeoutMs = JOB_MS): Promise<Buffer> {
    const worker = this.start();
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    worker.ref();
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (!this.pending.has(id) || this.worker !== worker) return;
        this.fail(worker, new Error(`it took longer than ${timeoutMs / 1000} s`));
        void worker.terminate();
      }, timeoutMs);
      timer.unref();
      this.pending.set(id, { resolve, reject, timer });
      const request: RenderRequest = { id, job };
      worker.postMessage(request);
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerEntry(), { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
    worker.on('message', (reply: RenderReply) => this.settle(reply));
    // A worker that could not start or died takes its documents with it; the next document starts a new one.
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => this.fail(worker, new Error(`the report renderer stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private settle(reply: RenderReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    this.pending.delete(reply.id);
    if ('bytes' in reply) {
      this.rendered++;
      waiting.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
    } else {
      const error = new Error(reply.error.message);
      error.name = reply.error.name;
      if (reply.error.stack) error.stack = reply.error.stack;
      waiting.reject(error);
    }
    if (this.pending.size === 0) this.rest();
  }

  /** No work left: the worker no longer keeps the process alive, and is stopped if none comes for a while. */
  private rest(): void {
    const worker = this.worker;
    if (!worker) return;
    worker.unref();
    this.idle = setTimeout(() => {
      if (this.worker === worker && this.pending.size === 0) void this.stop();
    }, IDLE_MS);
    this.idle.unref();
  }

  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) {
      clearTimeout(p.timer);
      p.reject(new Error(`The document could not be laid out: ${error.message}`));
    }
  }

  async stop(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const worker = this.worker;
    if (!worker) return;
    this.fail(worker, new Error('the report renderer was stopped'));
    await worker.terminate();
  }
}

const renderer = new Renderer();

/** The document's bytes, laid out on the render worker; fails after `timeoutMs` (five minutes by default). */
export function renderOffThread(job: RenderJob, timeoutMs?: number): Promise<Buffer> {
  return renderer.render(job, timeoutMs);
}

/** How many documents the render worker has sent back since the process started. */
export function renderedOffThread(): number {
  return renderer.rendered;
}

/** Stops the render worker (documents still being laid out fail); the next document starts another. */
export function stopRenderer(): Promise<void> {
  return renderer.stop();
}

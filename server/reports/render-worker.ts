/**
 * The render worker (docs/decisions/028): lays out the documents the main thread hands it — the weekly pack's PDF
 * and XLSX, Biểu 06, a unit's annex — from plain data, one at a time, and sends back their bytes. pdfkit and ExcelJS
 * lay out synchronously for seconds on a demo-sized pack; here that holds up no request.
 */
import { parentPort } from 'node:worker_threads';
import { renderAnnex } from './annex-pdf';
import { renderForm06Xlsx } from './form06-xlsx';
import { renderPdf } from './pdf';
import type { RenderJob, RenderReply, RenderRequest } from './render-jobs';
import { renderXlsx } from './xlsx';

function render(job: RenderJob): Promise<Buffer> {
  switch (job.kind) {
    case 'pack-pdf':
      return renderPdf(job.data, job.language, job.generatedAt, job.demo);
    case 'pack-xlsx':
      return renderXlsx(job.data, job.language, job.generatedAt);
    case 'form06-xlsx':
      return renderForm06Xlsx(job.doc, job.generatedAt);
    case 'annex-pdf':
      return renderAnnex(job.detail, job.language, job.generatedAt, job.move, job.indicators);
  }
}

const port = parentPort;
if (!port) throw new Error('render-worker runs as a worker thread (server/reports/render-off-thread.ts starts it)');
let queue: Promise<void> = Promise.resolve();
port.on('message', ({ id, job }: RenderRequest) => {
  queue = queue.then(async () => {
    let reply: RenderReply;
    try {
      // A copy of its own, so that its memory can be handed over rather than copied again.
      const bytes = new Uint8Array(await render(job));
      reply = { id, bytes };
      port.postMessage(reply, [bytes.buffer]);
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      reply = { id, error: { name: e.name, message: e.message, stack: e.stack } };
      port.postMessage(reply);
    }
  });
});

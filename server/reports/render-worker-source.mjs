// Starts the render worker from its TypeScript sources (tests, `tsx`): registers tsx's loader in the worker's own
// thread first, which `execArgv: ['--import', 'tsx']` does not do for a worker on Node 20. The compiled server
// starts dist/server/render-worker.js instead (scripts/build-server.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');

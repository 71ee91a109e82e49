import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
const path = new URL('./out/dossiers-1000000.csv', import.meta.url).pathname;
const t = Date.now();
let n = 0;
await new Promise<void>((resolve, reject) => {
  Papa.parse(createReadStream(path, { encoding: 'utf8' }) as unknown as File, {
    delimiter: ',',
    chunk: (r: Papa.ParseResult<string[]>) => { n += r.data.length; },
    complete: () => resolve(),
    error: (e: Error) => reject(e),
  });
});
console.log('papaparse chunk', Date.now() - t, n);

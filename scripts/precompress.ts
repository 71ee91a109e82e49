import { precompressDir } from '../server/precompress';

const root = process.argv[2] ?? 'dist/client';
process.stdout.write(`precompressed ${precompressDir(root)} files in ${root}\n`);

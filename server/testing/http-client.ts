import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function close(server: Server): Promise<void> {
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A tRPC query over plain HTTP, as any client would send it. */
export async function query(base: string, path: string, input: unknown): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
  return { status: res.status, body: await res.json(), headers: res.headers };
}

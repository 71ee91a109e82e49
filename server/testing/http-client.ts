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
export async function query(base: string, path: string, input: unknown, cookie = ''): Promise<{ status: number; body: any; headers: Headers }> {
  const suffix = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await fetch(`${base}/trpc/${path}${suffix}`, { headers: cookie ? { cookie } : {} });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

/** A tRPC mutation: POST with the JSON input as the body. */
export async function mutate(base: string, path: string, input: unknown, cookie = ''): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(`${base}/trpc/${path}`, { method: 'POST', body: input === undefined ? undefined : JSON.stringify(input), headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) } });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

/** Signs in and returns the session cookie to send back. */
export async function login(base: string, username: string, password: string): Promise<string> {
  const res = await mutate(base, 'auth.login', { username, password });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0] as string;
}

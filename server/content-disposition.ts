/**
 * `Content-Disposition: attachment` for a file name that may hold any character (a unit code such as "ĐN-01"): Node
 * refuses a header with characters outside Latin-1, and quotes or semicolons would break it. Old clients read the
 * ASCII `filename`; every current browser prefers the exact name in `filename*` (RFC 6266, RFC 5987).
 */
export function attachment(fileName: string): string {
  const name = fileName.replace(/\p{Cs}/gu, '\uFFFD');
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

import { describe, expect, it } from 'vitest';
import { attachment } from './content-disposition';

describe('an attachment header', () => {
  it.each([
    ['chiso-2025-W31-ĐN-01.pdf', 'chiso-2025-W31-DN-01.pdf', 'chiso-2025-W31-%C4%90N-01.pdf'],
    ['chiso-2025-W31-vi-v1.csv', 'chiso-2025-W31-vi-v1.csv', 'chiso-2025-W31-vi-v1.csv'],
    ['a "b";\r\nc\'(*).pdf', 'a__b____c____.pdf', 'a%20%22b%22%3B%0D%0Ac%27%28%2A%29.pdf'],
    ['x\uD800y.pdf', 'x_y.pdf', 'x%EF%BF%BDy.pdf'],
  ])('names %j with an ASCII fallback and the exact UTF-8 name', (name, ascii, encoded) => {
    const header = attachment(name);
    expect(header).toBe(`attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`);
    expect(header).toMatch(/^[\x20-\x7e]+$/);
  });
});

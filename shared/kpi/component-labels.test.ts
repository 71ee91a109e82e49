import { describe, expect, it } from 'vitest';
import { CHISO_V1, CHISO_V2, QD766, QD766_GROUPS } from './definitions';
import { COMPONENT_GROUP_LABELS, componentLabel } from './component-labels';

describe('the component label table', () => {
  it('names every component of every shipped index in both languages, and every 766 group', () => {
    for (const d of [CHISO_V1, CHISO_V2, QD766]) {
      for (const c of d.components) {
        for (const lang of ['vi', 'en'] as const) expect(componentLabel(c.code, lang), `${d.id} ${c.code} ${lang}`).not.toBe(c.code);
      }
    }
    expect(Object.keys(COMPONENT_GROUP_LABELS).sort()).toEqual([...QD766_GROUPS].sort());
  });

  it('shows a code no table knows as it is', () => {
    expect(componentLabel('MY_OWN', 'vi')).toBe('MY_OWN');
  });
});

export const UNIT_KINDS = ['ward', 'commune', 'special_zone', 'department'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const GROUPS = ['commune', 'department'] as const;
export type Group = (typeof GROUPS)[number];

export function groupOfKind(kind: UnitKind): Group {
  return kind === 'department' ? 'department' : 'commune';
}

export function kindsOfGroup(group: Group): UnitKind[] {
  return UNIT_KINDS.filter((kind) => groupOfKind(kind) === group);
}

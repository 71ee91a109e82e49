import { z } from 'zod';

export const UNIT_KINDS = ['ward', 'commune', 'special_zone', 'department'] as const;
export const UnitKindSchema = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKindSchema>;

export const GROUPS = ['commune', 'department'] as const;
export const GroupSchema = z.enum(GROUPS);
export type Group = z.infer<typeof GroupSchema>;

export const UnitCodeSchema = z.string().trim().min(1).max(64);

export const UnitSchema = z.object({
  code: UnitCodeSchema,
  name: z.string().min(1),
  nameEn: z.string().nullable(),
  kind: UnitKindSchema,
  parentCode: z.string().nullable(),
  headName: z.string().nullable(),
  headTitle: z.string().nullable(),
  population: z.number().int().nonnegative().nullable(),
});
export type Unit = z.infer<typeof UnitSchema>;

export function groupOfKind(kind: UnitKind): Group {
  return kind === 'department' ? 'department' : 'commune';
}

export function kindsOfGroup(group: Group): UnitKind[] {
  return UNIT_KINDS.filter((kind) => groupOfKind(kind) === group);
}

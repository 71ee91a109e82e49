import { z } from 'zod';

import { GROUPS, UNIT_KINDS } from '../domain/unit';

export { GROUPS, UNIT_KINDS, groupOfKind, kindsOfGroup, type Group, type UnitKind } from '../domain/unit';

export const UnitKindSchema = z.enum(UNIT_KINDS);
export const GroupSchema = z.enum(GROUPS);

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

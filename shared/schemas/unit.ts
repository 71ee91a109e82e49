import { z } from 'zod';

import { GROUPS, UNIT_KINDS } from '../domain/unit';

export { GROUPS, UNIT_KINDS, groupOfKind, kindsOfGroup, type Group, type UnitKind } from '../domain/unit';

export const UnitKindSchema = z.enum(UNIT_KINDS);
export const GroupSchema = z.enum(GROUPS);

export const UNIT_CODE_MAX = 64;
export const UnitCodeSchema = z.string().trim().min(1, 'is empty').max(UNIT_CODE_MAX, `is longer than ${UNIT_CODE_MAX} characters`);

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

export const UNIT_TEXT_MAX = 1000;
const CONTROL_CHARACTER = /\p{Cc}/u;
const NO_CONTROL = 'contains a control character (such as NUL, a tab or a line break): write it on one line, as printed';
const noControl = (s: string) => !CONTROL_CHARACTER.test(s);
const unitText = () => z.string().trim().max(UNIT_TEXT_MAX, `is longer than ${UNIT_TEXT_MAX.toLocaleString('en')} characters`).refine(noControl, NO_CONTROL);

/**
 * What an import or an admin may write. It accepts nothing that UnitSchema (what readers are sent) refuses, so nothing
 * written can make units.list fail later; it also refuses control characters and overlong text, since names and codes
 * end up in CSV, XLSX and PDF reports. UnitSchema stays lenient so that rows stored before these rules still read.
 */
export const UnitInputSchema = UnitSchema.extend({
  code: UnitCodeSchema.refine(noControl, NO_CONTROL),
  name: unitText().min(1, 'is empty, but every unit needs its official name'),
  nameEn: unitText().nullable(),
  parentCode: unitText().nullable(),
  headName: unitText().nullable(),
  headTitle: unitText().nullable(),
  population: z.number().int('is not a whole number').nonnegative('is negative').nullable(),
});

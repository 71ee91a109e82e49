import { z } from 'zod';
import { ROLES } from '../domain/access';
import { UnitCodeSchema } from './unit';
import { LanguageSchema } from './accountability';

export { ROLES, type Role } from '../domain/access';

export const RoleSchema = z.enum(ROLES);
export const UsernameSchema = z.string().trim().min(2).max(64).regex(/^[a-z0-9][a-z0-9._-]*$/i, 'letters, digits, dot, dash and underscore only');
/** Where notices are mailed (SPEC §9); optional, since many accounts sign in only. */
export const EmailSchema = z.string().trim().max(254, 'is longer than 254 characters').pipe(z.email('is not an e-mail address'));
/** Length only: the server's password policy also refuses common and guessable passwords. */
export const PasswordSchema = z.string().min(12, 'at least 12 characters').max(200);

export const AccountSchema = z.object({
  username: z.string(),
  displayName: z.string().nullable(),
  role: RoleSchema,
  unitCode: z.string().nullable(),
  disabled: z.boolean(),
  demo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  email: z.string().nullable().optional(),
  /** The language of the notices mailed to this account; Vietnamese when not chosen. */
  language: LanguageSchema.nullable().optional(),
});
export type Account = z.infer<typeof AccountSchema>;

export const MeSchema = z.object({ username: z.string(), displayName: z.string().nullable(), role: RoleSchema, unitCode: z.string().nullable(), demo: z.boolean() });
export type Me = z.infer<typeof MeSchema>;

export const LoginInputSchema = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) });

const unitRule = (a: { role?: string; unitCode?: string | null }) => a.role === undefined || (a.role === 'unit_head') === Boolean(a.unitCode);
const UNIT_RULE = 'a unit head is bound to exactly one unit; other roles to none';

export const CreateAccountInputSchema = z
  .object({ username: UsernameSchema, displayName: z.string().trim().max(200).nullable().default(null), role: RoleSchema, unitCode: UnitCodeSchema.nullable().default(null), password: PasswordSchema, email: EmailSchema.nullable().default(null), language: LanguageSchema.nullable().default(null) })
  .refine(unitRule, UNIT_RULE);

export const UpdateAccountInputSchema = z
  .object({ username: z.string(), displayName: z.string().trim().max(200).nullable().optional(), role: RoleSchema.optional(), unitCode: UnitCodeSchema.nullable().optional(), disabled: z.boolean().optional(), email: EmailSchema.nullable().optional(), language: LanguageSchema.nullable().optional() })
  .refine((a) => a.role === undefined || unitRule({ role: a.role, unitCode: a.unitCode ?? null }), UNIT_RULE);

export const ResetPasswordInputSchema = z.object({ username: z.string(), password: PasswordSchema });

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  address: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

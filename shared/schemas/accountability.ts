import { z } from 'zod';
import { ACCOUNTABILITY_TEXT_MAX, COMMITMENT_STATES, DECISION_OWNER_MAX, ESCALATION_LEVELS, MAIL_STATUSES, NOTICE_KINDS } from '../domain/accountability';
import { MEASURES } from '../domain/measure';
import { DateStringSchema, PeriodIdSchema } from './period';
import { UnitCodeSchema } from './unit';

export const EscalationLevelSchema = z.enum(ESCALATION_LEVELS);
export const CommitmentStateSchema = z.enum(COMMITMENT_STATES);
export const LanguageSchema = z.enum(['vi', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

/** Control characters other than line breaks and tabs end up in reports and e-mails: refused. */
const CONTROL = /[^\P{Cc}\n\r\t]/u;
const text = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1, 'is empty').max(max, `is longer than ${max.toLocaleString('en')} characters`).refine((s) => !CONTROL.test(s), 'contains a control character'));

const INDICATOR_CODE = /^[A-Z0-9_]{1,64}$/;
/** A measure id (`onlineRate` …) or an indicator code (`VNEID_ACTIVATED` …); whether it has a target is checked on the server. */
export const AccountableMeasureSchema = z
  .string()
  .trim()
  .refine((m) => (MEASURES as readonly string[]).includes(m) || INDICATOR_CODE.test(m), 'is neither a measure (onlineRate, endToEndRate, onTimeRate …) nor an indicator code');

export const CommitmentInputSchema = z.object({
  unitCode: UnitCodeSchema,
  period: PeriodIdSchema,
  measure: AccountableMeasureSchema,
  explanation: text(ACCOUNTABILITY_TEXT_MAX),
  action: text(ACCOUNTABILITY_TEXT_MAX),
  dueDate: DateStringSchema,
});
export type CommitmentInput = z.infer<typeof CommitmentInputSchema>;

export const CommitmentSchema = z.object({
  id: z.number().int(),
  unitCode: z.string(),
  period: z.string(),
  measure: z.string(),
  explanation: z.string(),
  action: z.string(),
  dueDate: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  state: CommitmentStateSchema,
  judgedIn: z.string().nullable(),
});
export type Commitment = z.infer<typeof CommitmentSchema>;

export const AccountabilityFilterSchema = z.object({ unitCode: UnitCodeSchema.optional(), period: PeriodIdSchema.optional() }).optional();
export type AccountabilityFilter = NonNullable<z.infer<typeof AccountabilityFilterSchema>>;

export const DecisionInputSchema = z.object({
  unitCode: UnitCodeSchema,
  period: PeriodIdSchema,
  decision: text(ACCOUNTABILITY_TEXT_MAX),
  owner: text(DECISION_OWNER_MAX),
  dueDate: DateStringSchema,
});
export type DecisionInput = z.infer<typeof DecisionInputSchema>;

export const DecisionSchema = z.object({
  id: z.number().int(),
  unitCode: z.string(),
  period: z.string(),
  decision: z.string(),
  owner: z.string(),
  dueDate: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type Decision = z.infer<typeof DecisionSchema>;

/** One unit in a notice: where it stands now and what it is below on. */
export const NoticeUnitSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  level: EscalationLevelSchema,
  previousLevel: EscalationLevelSchema.nullable(),
  periodsBelow: z.number().int(),
  measures: z.array(z.object({ measure: z.string(), value: z.number().nullable(), target: z.number(), periodsBelow: z.number().int() })),
});
export type NoticeUnit = z.infer<typeof NoticeUnitSchema>;

export const NoticeSchema = z.object({
  id: z.number().int(),
  period: z.string(),
  kind: z.enum(NOTICE_KINDS),
  createdAt: z.string(),
  units: z.array(NoticeUnitSchema),
  mail: z.enum(MAIL_STATUSES),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const SetLanguageInputSchema = z.object({ language: LanguageSchema });

/** A rung of the escalation ladder as the API gives and takes it; `checkLadder` judges the whole ladder on the server. */
export const EscalationStepSchema = z.object({
  level: EscalationLevelSchema,
  minPeriods: z.number().int('is not a whole number'),
  name: z.string(),
  nameEn: z.string(),
});

/** A saved version of the ladder and the day it governs periods from (version 0: SPEC §9's default). */
export const LadderVersionSchema = z.object({
  version: z.number().int(),
  effectiveFrom: z.string(),
  steps: z.array(EscalationStepSchema).readonly(),
  createdAt: z.string().nullable(),
  createdBy: z.string().nullable(),
});
export type LadderVersionOutput = z.infer<typeof LadderVersionSchema>;

export const LadderInputSchema = z.object({ period: PeriodIdSchema.optional() }).optional();

export const LadderSaveInputSchema = z.object({
  steps: z.array(EscalationStepSchema).max(ESCALATION_LEVELS.length, `has more than ${ESCALATION_LEVELS.length} levels`),
  /** From which day (Vietnam date) periods ending on or after it use this ladder: today or later. */
  effectiveFrom: DateStringSchema,
});
export type LadderSaveInput = z.infer<typeof LadderSaveInputSchema>;

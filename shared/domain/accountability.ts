import { MEASURES, type Measure } from './measure';

/** The rungs of SPEC §9's escalation ladder, from the mildest. */
export const ESCALATION_LEVELS = ['reminder', 'agenda', 'review'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/** Decided from the data when read, never set by hand. */
export const COMMITMENT_STATES = ['open', 'met', 'missed'] as const;
export type CommitmentState = (typeof COMMITMENT_STATES)[number];

export const NOTICE_KINDS = ['escalation', 'digest'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const MAIL_STATUSES = ['none', 'pending', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export const ACCOUNTABILITY_TEXT_MAX = 2000;
export const DECISION_OWNER_MAX = 200;
/** How far past its period a commitment or decision may be due. */
export const MAX_DUE_DAYS = 366;

/** Commitments name a measure id or an indicator code; only measure ids have labels and flags today. */
export function isMeasureId(id: string): id is Measure {
  return (MEASURES as readonly string[]).includes(id);
}

import { z } from 'zod';

export const CHANNELS = ['online', 'counter', 'postal'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

/**
 * `not_received` covers the national statuses 1 and 3 (registered but never accepted, or refused at intake):
 * like `withdrawn`, such dossiers are excluded from every measure.
 */
export const DOSSIER_STATUSES = ['processing', 'completed', 'rejected', 'withdrawn', 'not_received'] as const;
export const DossierStatusSchema = z.enum(DOSSIER_STATUSES);
export type DossierStatus = z.infer<typeof DossierStatusSchema>;

/** A dossier as the measures see it; instants are epoch milliseconds (UTC). */
export interface DossierFacts {
  unitCode: string;
  procedureCode: string;
  channel: Channel;
  endToEnd: boolean;
  receivedAt: number;
  dueAt: number;
  completedAt: number | null;
  status: DossierStatus | null;
  eResult: boolean | null;
  digitized: boolean | null;
  feeRequired: boolean | null;
  paidOnline: boolean | null;
}

export interface DossierRecord extends DossierFacts {
  dossierId: string;
  procedureCodeRaw: string;
  procedureName: string | null;
  returnedAt: number | null;
  statusRaw: string | null;
  serviceLevel: number | null;
}

export const OverdueDossierSchema = z.object({
  dossierId: z.string(),
  procedureCode: z.string(),
  procedureName: z.string().nullable(),
  receivedAt: z.string(),
  dueAt: z.string(),
  daysOverdue: z.number(),
});
export type OverdueDossier = z.infer<typeof OverdueDossierSchema>;

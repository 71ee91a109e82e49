import { RATE_MEASURES } from './measure';

/**
 * Dossier quantities an index component can be scored on: the rate measures of §2, and the shares of all received
 * dossiers that the 766 index uses for electronic results and digitisation (its denominator is every dossier
 * received, not only those whose file carried the column).
 */
export const INDEX_BASES = [...RATE_MEASURES, 'eResultShare', 'digitizedShare'] as const;
export type IndexBasis = (typeof INDEX_BASES)[number];

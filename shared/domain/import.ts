export const IMPORT_KINDS = ['units', 'targets', 'dossiers'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

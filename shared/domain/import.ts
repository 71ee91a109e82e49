export const IMPORT_KINDS = ['units', 'targets', 'dossiers', 'indicators', 'values'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

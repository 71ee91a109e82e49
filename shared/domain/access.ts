export const ROLES = ['leader', 'unit_head', 'data_officer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

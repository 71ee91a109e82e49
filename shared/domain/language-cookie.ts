/**
 * The cookie in which the dashboard keeps the reader's language (beside localStorage), so that pages the server makes
 * itself — a refused download opened from a link — speak it too (server/download-refusal.ts).
 */
export const LANGUAGE_COOKIE = 'chiso.language';

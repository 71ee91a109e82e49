import type { Language } from '../../shared/schemas/accountability';

/** The words of the notice e-mails; English has the same keys, checked by its type. `{name}`s are filled in. */
const VI = {
  dear: 'Kính gửi {name},', week: 'tuần', period: 'kỳ', none: 'không có', unit: 'đơn vị', days: 'ngày',
  subject: '[chiso] {unit}: {level} ({periodWord} {period})',
  entered: '{unit} đã dưới chỉ tiêu {n} {periods} liên tiếp tính đến {periodWord} {period} và chuyển lên mức "{level}" (trước đó: {previous}).',
  failed: 'Chỉ tiêu chưa đạt:', line: '{measure}: {value} (chỉ tiêu {target}), {n} {periods} liên tiếp',
  open: 'Xem trang đơn vị và gửi giải trình, cam kết khắc phục:',
  digestSubject: '[chiso] {Period} {period}: {units} chuyển mức cảnh báo',
  digest: 'Sau khi tổng hợp số liệu {periodWord} {period}, {units} chuyển lên mức cảnh báo mới:',
  digestLine: '{unit}: {n} {periods} liên tiếp dưới chỉ tiêu ({measures})', list: 'Danh sách đơn vị dưới chỉ tiêu:',
  footer: 'Thư này do chiso gửi tự động sau khi tổng hợp số liệu {periodWord}.',
};

const EN: typeof VI = {
  dear: 'Dear {name},', week: 'week', period: 'period', none: 'none', unit: 'unit', days: 'days',
  subject: '[chiso] {unit}: {level} ({periodWord} {period})',
  entered: '{unit} has been below target for {n} consecutive {periods} up to {periodWord} {period} and has moved up to "{level}" (before: {previous}).',
  failed: 'Targets missed:', line: '{measure}: {value} (target {target}), {n} {periods} in a row',
  open: "Open the unit's page to send an explanation and a corrective commitment:",
  digestSubject: '[chiso] {Period} {period}: {units} moved up the escalation ladder',
  digest: 'After the figures of {periodWord} {period}, {units} moved up to a new escalation level:',
  digestLine: '{unit}: below target for {n} {periods} in a row ({measures})', list: 'The units below target:',
  footer: "chiso sends this message automatically once each {periodWord}'s figures are computed.",
};

export const NOTICE_LABELS: Record<Language, typeof VI> = { vi: VI, en: EN };

/** English counts its nouns; Vietnamese does not. */
export function plural(n: number, word: string, lang: Language): string {
  return lang === 'en' && n !== 1 ? `${word}s` : word;
}

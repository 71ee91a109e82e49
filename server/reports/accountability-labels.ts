import type { CommitmentState } from '../../shared/domain/accountability';
import type { ReportLanguage } from './labels';

const VI = {
  level: 'Mức cảnh báo', commitment: 'Giải trình, cam kết', noExplanation: 'Chưa giải trình', due: 'hạn {date}',
  states: { open: 'Đang thực hiện', met: 'Đã khắc phục', missed: 'Không khắc phục đúng hạn' } as Record<CommitmentState, string>,
  dueTitle: 'Cam kết đến hạn từ {from} đến {to}', noneDue: 'Không có cam kết nào đến hạn trong 7 ngày qua.',
  unit: 'Đơn vị', measure: 'Chỉ tiêu', period: 'Kỳ', explanation: 'Giải trình', action: 'Biện pháp khắc phục', dueDate: 'Hạn', state: 'Kết quả', judgedIn: 'Căn cứ kỳ',
  writtenBy: 'Người ghi', writtenAt: 'Ghi lúc', followUpsTitle: 'Kết luận giao ban đang theo dõi', noneFollowUps: 'Không có kết luận giao ban nào đang theo dõi.',
  decision: 'Kết luận', owner: 'Người theo dõi', sheetDue: 'Cam kết đến hạn', sheetDecisions: 'Kết luận giao ban', code: 'Mã',
};

const EN: typeof VI = {
  level: 'Escalation', commitment: 'Explanation and commitment', noExplanation: 'No explanation', due: 'due {date}',
  states: { open: 'Open', met: 'Met', missed: 'Missed' },
  dueTitle: 'Commitments due from {from} to {to}', noneDue: 'No commitment fell due in the last 7 days.',
  unit: 'Unit', measure: 'Measure', period: 'Period', explanation: 'Explanation', action: 'Corrective action', dueDate: 'Due', state: 'Outcome', judgedIn: 'Judged on',
  writtenBy: 'Written by', writtenAt: 'Written', followUpsTitle: 'Meeting decisions being followed up', noneFollowUps: 'No meeting decision is being followed up.',
  decision: 'Decision', owner: 'Follow-up by', sheetDue: 'Commitments due', sheetDecisions: 'Meeting decisions', code: 'Code',
};

export const ACCOUNTABILITY_LABELS: Record<ReportLanguage, typeof VI> = { vi: VI, en: EN };

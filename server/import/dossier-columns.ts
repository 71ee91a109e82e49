import type { ColumnSpec } from './columns';
import { UNIT_CODE_MAX } from '../../shared/schemas/unit';

export type DossierField =
  | 'dossier_id' | 'unit_code' | 'procedure_code' | 'procedure_name' | 'channel' | 'end_to_end' | 'received_at' | 'due_at'
  | 'completed_at' | 'returned_at' | 'status' | 'service_level' | 'e_result' | 'digitized' | 'fee_required' | 'paid_online';

/** SPEC §1 header families, folded (no case, diacritics, spaces or punctuation). `hinhthuc` is deliberately absent. */
export const DOSSIER_COLUMNS: readonly ColumnSpec<DossierField>[] = [
  { field: 'dossier_id', required: true, text: 'code', aliases: ['dossierid', 'mahoso', 'mahs', 'sohoso'] },
  { field: 'unit_code', required: true, text: 'code', maxLength: UNIT_CODE_MAX, aliases: ['unitcode', 'madonvi', 'macoquan', 'madv'] },
  { field: 'procedure_code', required: true, text: 'code', aliases: ['procedurecode', 'matthc', 'mathutuc', 'mathutuchanhchinh'] },
  { field: 'procedure_name', text: 'name', aliases: ['procedurename', 'tenthutuc', 'tentthc', 'tenthutuchanhchinh'] },
  { field: 'channel', required: true, aliases: ['channel', 'kenhnop', 'kenhthuchien', 'hinhthucnop'] },
  { field: 'end_to_end', aliases: ['endtoend', 'toantrinh'] },
  { field: 'received_at', required: true, aliases: ['receivedat', 'ngaytiepnhan', 'ngaynhan'] },
  { field: 'due_at', required: true, aliases: ['dueat', 'ngayhentra'] },
  { field: 'completed_at', aliases: ['completedat', 'ngayketthucxuly', 'ngaycoketqua', 'ngayhoanthanh'] },
  { field: 'returned_at', aliases: ['returnedat', 'ngaytra', 'ngaytraketqua'] },
  { field: 'status', aliases: ['status', 'trangthai', 'trangthaihoso'] },
  { field: 'service_level', aliases: ['servicelevel', 'mucdo'] },
  { field: 'e_result', aliases: ['eresult', 'ketquadientu'] },
  { field: 'digitized', aliases: ['digitized', 'sohoa', 'dasohoa'] },
  { field: 'fee_required', aliases: ['feerequired', 'cophi', 'thuphi'] },
  { field: 'paid_online', aliases: ['paidonline', 'thanhtoantructuyen'] },
];

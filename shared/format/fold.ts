/** Lower case, without diacritics (đ → d), spaces or punctuation: "Mã hồ sơ", "ma_ho_so" and "MaHoSo" all give "mahoso". */
export function foldKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Lower case, without diacritics, single spaces: for matching values such as "Trực tuyến" or "Có". */
export function foldValue(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a name matches a search typed with or without diacritics: "hoan kiem" finds "Phường Hoàn Kiếm". */
export function matchesSearch(name: string, query: string): boolean {
  const q = foldValue(query);
  return q === '' || foldValue(name).includes(q);
}

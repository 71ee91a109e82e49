import type { RatingBand } from '../../schemas/index-definition';

/** Xuất sắc ≥ 90 and Tốt ≥ 80 are supported by the portal's published scores; the bands below are not published. */
export const DEFAULT_BANDS: RatingBand[] = [
  { rating: 'Xuất sắc', min: 90, assumed: false },
  { rating: 'Tốt', min: 80, assumed: false },
  { rating: 'Khá', min: 70, assumed: true },
  { rating: 'Trung bình', min: 50, assumed: true },
  { rating: 'Yếu', min: 0, assumed: true },
];

/**
 * The page grid of GB/T 9704-2012 (gongwen-format.md §1): A4 with the 版心 156 × 225 mm
 * at (28, 37) mm, 22 lines of 3号 type (16 pt) per page, 红色 for 版头 and 分隔线.
 * Every 公文-style output (documents, 纪要) lays out on this one grid.
 */
export const MM = 72 / 25.4;
export const PAGE = {
  left: 28 * MM,
  top: 37 * MM,
  width: 156 * MM,
  bottom: (37 + 225) * MM,
} as const;
/** Line pitch: 22 lines on the 225 mm of the 版心. */
export const LINE_PITCH = (225 * MM) / 22;
/** One character of 3号 type, in pt. */
export const CHAR = 16;
export const RED = '#e60012';

/** kernel/render: paper forms as PDF (CJK fonts embedded), ledgers as streamed XLSX. */
export type { FormRow, FormSpec } from './form-spec';
export { renderFormPdf } from './form-pdf';
export { loadFonts, resetFonts, resolveFontMap, describeFontMap, type FontRole } from './fonts';
export { writeXlsx, xlsxStream, safeCell, XLSX_CONTENT_TYPE, type XlsxColumn } from './xlsx';
export { contentDisposition } from './download';
export { chineseDate } from './dates';

import { checkIdNumber, maskIdNumber } from './idcard';
import type { FieldCipher } from './crypto';
import type { CopyValue } from './copy';
import { yuanToFen } from './columns';
import { isLocalDate } from '../../kernel/time';

/**
 * Sector files for the data comparison (数据比对, 防返贫细则 三（一）4): one row per person, with
 * the columns 姓名, 证件号码, 事项 (required), 日期, 金额（元）, 说明. Each kind names the
 * 事项 it accepts and what each means for the monitoring criteria (MON-05, MON-04) and colours.
 */
export type Hazard = 'COMPULSORY_EDUCATION' | 'HOUSING_SAFETY' | 'BASIC_MEDICAL' | 'EXTREME_POOR' | 'INCIDENT' | 'HOSPITAL';

export interface SectorKind {
  label: string;
  /** The department as MON-09 / the monitoring record names it. */
  department: string;
  items: Record<string, { hazard: Hazard; cause?: string }>;
  /** Weekly (MON-13) rather than quarterly (MON-11). */
  weekly?: boolean;
}

const HOSPITAL_ITEMS = { 住院: { hazard: 'HOSPITAL', cause: 'ILLNESS' }, 疾病住院: { hazard: 'HOSPITAL', cause: 'ILLNESS' }, 突发事件住院: { hazard: 'HOSPITAL', cause: 'EMERGENCY' } } as const;

export const SECTOR_KINDS: Record<string, SectorKind> = {
  education: { label: '教育部门（义务教育）', department: '教育', items: { 辍学: { hazard: 'COMPULSORY_EDUCATION' }, 失学: { hazard: 'COMPULSORY_EDUCATION' }, 未入学: { hazard: 'COMPULSORY_EDUCATION' } } },
  housing: { label: '住建部门（住房安全）', department: '住建', items: { C级危房: { hazard: 'HOUSING_SAFETY' }, D级危房: { hazard: 'HOUSING_SAFETY' }, 住房不安全: { hazard: 'HOUSING_SAFETY' } } },
  civil_affairs: { label: '民政部门（特困、临时救助）', department: '民政', items: { 特困供养: { hazard: 'EXTREME_POOR' }, 临时救助: { hazard: 'INCIDENT' }, 受灾: { hazard: 'INCIDENT' } } },
  health: { label: '卫健部门（基本医疗）', department: '卫健', items: { 未参加基本医疗保险: { hazard: 'BASIC_MEDICAL' }, 大病未得到救治: { hazard: 'BASIC_MEDICAL' }, 基本医疗未保障: { hazard: 'BASIC_MEDICAL' } } },
  medical_insurance: { label: '医保部门（住院及自付费用，季度）', department: '医保', items: { ...HOSPITAL_ITEMS } },
  hospital: { label: '医保部门每周住院名单', department: '医保', items: { ...HOSPITAL_ITEMS }, weekly: true },
};

export const SECTOR_COLUMNS = [
  { key: 'name', header: '姓名', required: true },
  { key: 'idNumber', header: '证件号码', required: true },
  { key: 'item', header: '事项', required: true },
  { key: 'date', header: '日期' },
  { key: 'amount', header: '金额' },
  { key: 'detail', header: '说明' },
] as const;
type Key = (typeof SECTOR_COLUMNS)[number]['key'];

export const SECTOR_STAGING_COLUMNS = ['job_id', 'line', 'name', 'id_hash', 'id_masked', 'hazard', 'event_date', 'amount_fen', 'cause', 'detail'];

export interface SectorRowError {
  line: number;
  column: string | null;
  code: 'bad_id' | 'bad_value' | 'missing' | 'unreadable' | 'name_mismatch' | 'not_found';
  message: string;
}

export function mapSectorHeader(cells: string[]): { index: Partial<Record<Key, number>>; missing: string[] } {
  const index: Partial<Record<Key, number>> = {};
  cells.forEach((c, i) => {
    const col = SECTOR_COLUMNS.find((x) => x.header === c.trim().replace(/（元）|\(元\)/, ''));
    if (col) index[col.key] = i;
  });
  const missing = SECTOR_COLUMNS.filter((c) => 'required' in c && c.required && index[c.key] === undefined).map((c) => c.header);
  return { index, missing };
}

/** Validate one row of a sector file: a staging row (ID hashed and masked, never kept) or errors. */
export function stageSectorRow(jobId: string, line: number, cells: string[], index: Partial<Record<Key, number>>, kind: SectorKind, cipher: FieldCipher, today: string): { row?: CopyValue[]; errors: SectorRowError[] } {
  const errors: SectorRowError[] = [];
  const get = (k: Key) => (index[k] === undefined ? '' : (cells[index[k]!] ?? '').trim());
  const fail = (column: string, code: SectorRowError['code'], message: string) => errors.push({ line, column, code, message });
  for (const c of SECTOR_COLUMNS) if ('required' in c && c.required && get(c.key) === '') fail(c.header, 'missing', `${c.header}不能为空`);
  const id = checkIdNumber(get('idNumber'), today);
  if (get('idNumber') !== '' && !id.ok) fail('证件号码', 'bad_id', id.reason);
  const item = kind.items[get('item')];
  if (get('item') !== '' && !item) fail('事项', 'bad_value', `事项“${get('item')}”无效，应为：${Object.keys(kind.items).join('、')}`);
  const date = get('date').replace(/\//g, '-');
  if (date !== '' && (!isLocalDate(date) || date > today)) fail('日期', 'bad_value', `日期“${get('date')}”无效（YYYY-MM-DD，不晚于今天）`);
  const amount = get('amount') === '' ? null : yuanToFen(get('amount'));
  if (get('amount') !== '' && amount === null) fail('金额', 'bad_value', `金额“${get('amount')}”不是有效金额（元，最多两位小数）`);
  if (errors.length > 0 || !id.ok || !item) return { errors };
  const detail = get('detail').slice(0, 200) || null;
  return {
    row: [jobId, line, get('name'), cipher.lookupHash(id.id), maskIdNumber(id.id), item.hazard, date || null, amount, item.cause ?? (item.hazard === 'INCIDENT' ? detail ?? get('item') : null), detail],
    errors,
  };
}

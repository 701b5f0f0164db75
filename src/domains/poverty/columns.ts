import { checkIdNumber, maskAccount, maskIdNumber } from './idcard';
import type { FieldCipher } from './crypto';
import type { CopyValue } from './copy';
import { personTokens, tailHash } from './search';

/**
 * The household-register file: one row per person, household fields repeated on every row
 * (as the national system exports it). Household fields are taken from the 户主 row, or the
 * first accepted row of the household.
 */
export const IMPORT_COLUMNS = [
  { key: 'householdCode', header: '户编号', required: true },
  { key: 'villageCode', header: '村代码', required: true },
  { key: 'name', header: '姓名', required: true },
  { key: 'idNumber', header: '证件号码', required: true },
  { key: 'relation', header: '与户主关系', required: true },
  { key: 'registeredStatus', header: '户类型', required: true },
  { key: 'labour', header: '劳动技能' },
  { key: 'disability', header: '残疾等级' },
  { key: 'exitYear', header: '脱贫年度' },
  { key: 'extremePoor', header: '特困供养' },
  { key: 'netIncome', header: '人均纯收入' },
  { key: 'disposableIncome', header: '人均可支配收入' },
  { key: 'incomeYear', header: '收入年度' },
  { key: 'rigidExpenditure', header: '刚性支出' },
  { key: 'lastYearIncome', header: '上年收入' },
  { key: 'incomeOnlyTransfers', header: '收入仅靠扶持' },
  { key: 'education', header: '义务教育保障' },
  { key: 'medical', header: '基本医疗保障' },
  { key: 'housing', header: '住房安全保障' },
  { key: 'water', header: '饮水安全' },
  { key: 'bankAccount', header: '一卡通账号' },
] as const;

type Key = (typeof IMPORT_COLUMNS)[number]['key'];

export const STATUS_LABEL: Record<string, string> = { none: '一般户', poor: '未脱贫户', exited: '脱贫户' };
const STATUS: Record<string, string> = { 一般户: 'none', 非贫困户: 'none', 未脱贫户: 'poor', 贫困户: 'poor', 脱贫户: 'exited', 已脱贫户: 'exited' };
export const LABOUR_LABEL: Record<string, string> = { full: '普通劳动力', skilled: '技能劳动力', weak: '弱劳动力或半劳动力', lost: '丧失劳动力', none: '无劳动力' };
const LABOUR: Record<string, string> = Object.fromEntries(Object.entries(LABOUR_LABEL).map(([k, v]) => [v, k]));
const DISABILITY: Record<string, number> = { 一级: 1, 二级: 2, 三级: 3, 四级: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** Staging columns, in COPY order. */
export const STAGING_COLUMNS = [
  'job_id', 'line', 'household_code', 'village_code', 'name', 'id_enc', 'id_hash', 'id_masked', 'id_tail_hash', 'birth_date', 'sex', 'relation',
  'labour_capacity', 'disability_grade', 'registered_status', 'exit_year', 'extreme_poor', 'net_income_per_head_fen',
  'disposable_income_per_head_fen', 'income_year', 'rigid_expenditure_fen', 'last_year_income_fen', 'income_only_transfers',
  'education_secured', 'medical_secured', 'housing_secured', 'water_secured', 'bank_account_enc', 'bank_account_masked', 'search_tokens',
];

export interface RowError {
  line: number;
  column: string | null;
  code: 'bad_id' | 'bad_value' | 'missing' | 'unreadable';
  message: string;
}

/** Map header cells to column keys; unknown headers are ignored, missing required ones fail. */
export function mapHeader(cells: string[]): { index: Partial<Record<Key, number>>; missing: string[] } {
  const index: Partial<Record<Key, number>> = {};
  cells.forEach((c, i) => {
    const col = IMPORT_COLUMNS.find((x) => x.header === c.trim().replace(/（元）|\(元\)/, ''));
    if (col) index[col.key] = i;
  });
  const missing = IMPORT_COLUMNS.filter((c) => 'required' in c && c.required && index[c.key] === undefined).map((c) => c.header);
  return { index, missing };
}

/** Yuan with at most two decimals → integer fen, exactly (no floating point, CONV-6). */
export function yuanToFen(text: string): number | null {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.replace(/,/g, ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

function yesNo(text: string, dflt: boolean): boolean | null {
  if (text === '') return dflt;
  if (['是', '达标', '有保障', 'Y', 'y', '1'].includes(text)) return true;
  if (['否', '不达标', '无保障', '未达标', 'N', 'n', '0'].includes(text)) return false;
  return null;
}

/** Validate one row; either a staging row (ID encrypted, hashed, masked) or its errors. */
export function stageRow(jobId: string, line: number, cells: string[], index: Partial<Record<Key, number>>, cipher: FieldCipher, today: string, placeTokens?: Map<string, readonly string[]>): { row?: CopyValue[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const get = (k: Key) => (index[k] === undefined ? '' : (cells[index[k]!] ?? '').trim());
  const fail = (column: string, code: RowError['code'], message: string) => errors.push({ line, column, code, message });
  for (const c of IMPORT_COLUMNS) if ('required' in c && c.required && get(c.key) === '') fail(c.header, 'missing', `${c.header}不能为空`);
  const id = checkIdNumber(get('idNumber'), today);
  if (get('idNumber') !== '' && !id.ok) fail('证件号码', 'bad_id', id.reason);
  const status = STATUS[get('registeredStatus')];
  if (get('registeredStatus') !== '' && !status) fail('户类型', 'bad_value', `户类型“${get('registeredStatus')}”无效，应为一般户、未脱贫户或脱贫户`);
  const labour = get('labour') === '' ? 'full' : LABOUR[get('labour')];
  if (!labour) fail('劳动技能', 'bad_value', `劳动技能“${get('labour')}”无效`);
  const disability = get('disability') === '' || get('disability') === '无' ? null : (DISABILITY[get('disability')] ?? -1);
  if (disability === -1) fail('残疾等级', 'bad_value', `残疾等级“${get('disability')}”无效`);
  const year = (k: Key, label: string) => {
    const t = get(k);
    if (t === '') return null;
    if (!/^(19|20)\d\d$/.test(t)) fail(label, 'bad_value', `${label}“${t}”无效`);
    return Number(t);
  };
  const exitYear = year('exitYear', '脱贫年度');
  if (status === 'exited' && exitYear === null) fail('脱贫年度', 'missing', '脱贫户须填写脱贫年度');
  const incomeYear = year('incomeYear', '收入年度');
  const money = (k: Key, label: string) => {
    const t = get(k);
    if (t === '') return null;
    const fen = yuanToFen(t);
    if (fen === null) fail(label, 'bad_value', `${label}“${t}”不是有效金额（元，最多两位小数）`);
    return fen;
  };
  const flag = (k: Key, label: string, dflt: boolean) => {
    const v = yesNo(get(k), dflt);
    if (v === null) fail(label, 'bad_value', `${label}应填“是”或“否”`);
    return v ?? dflt;
  };
  const net = money('netIncome', '人均纯收入');
  const disp = money('disposableIncome', '人均可支配收入');
  const rigid = money('rigidExpenditure', '刚性支出');
  const last = money('lastYearIncome', '上年收入');
  const extreme = flag('extremePoor', '特困供养', false);
  const transfers = flag('incomeOnlyTransfers', '收入仅靠扶持', false);
  const edu = flag('education', '义务教育保障', true);
  const med = flag('medical', '基本医疗保障', true);
  const hou = flag('housing', '住房安全保障', true);
  const wat = flag('water', '饮水安全', true);
  const bank = get('bankAccount').replace(/\s/g, '');
  if (bank !== '' && !/^\d{8,30}$/.test(bank)) fail('一卡通账号', 'bad_value', '一卡通账号应为8至30位数字');
  if (!/^\d{12}$/.test(get('villageCode')) && get('villageCode') !== '') fail('村代码', 'bad_value', '村代码应为12位统计用区划代码');
  if (errors.length > 0 || !id.ok) return { errors };
  const tail6 = tailHash(id.id, cipher);
  const row: CopyValue[] = [
    jobId, line, get('householdCode'), get('villageCode'), get('name'), cipher.encrypt(id.id), cipher.lookupHash(id.id), maskIdNumber(id.id), tail6, id.birthDate, id.sex, get('relation'),
    labour, disability, status, exitYear, extreme, net, disp, incomeYear, rigid, last, transfers, edu, med, hou, wat,
    bank ? cipher.encrypt(bank) : null, bank ? maskAccount(bank) : null,
    personTokens(get('name'), id.id, placeTokens?.get(get('villageCode')) ?? [], tail6),
  ];
  return { row, errors };
}

import { defineRule, type Verdict } from '../../kernel/rules';
import { SEC23 } from '../documents/rules';

export { SEC23 };

/**
 * 涉密安全管理制度 (SEC) and 公文运转管理制度 第五章, ids from ../shared/spec/E-documents.md §5.3,
 * readings from CONFLICTS.md CONF-120, CONF-122, CONF-123.
 */
const SEC = '涉密安全管理制度';
const DOCF = '公文运转管理制度';

export const SEC01 = defineRule({ id: 'SEC-01', cite: `《${SEC}》一（一）`, regulation: SEC, enforcement: 'enforce',
  text: '全办涉密信息的收文、传文、档案管理由文书负责（绝密件由绝密件专管人员办理）。' });
export const SEC02 = defineRule({ id: 'SEC-02', cite: `《${SEC}》一（二）`, regulation: SEC, enforcement: 'enforce',
  text: '涉密信息的来文、来电、信件、传真电报由文书登记，并报综合科负责人签批后呈送主任批示。' });
export const SEC03 = defineRule({ id: 'SEC-03', cite: `《${DOCF}》第十七条`, regulation: DOCF, enforcement: 'enforce',
  text: '绝密件由绝密件专管人员拆封、登记。' });
export const SEC04 = defineRule({ id: 'SEC-04', cite: `《${SEC}》一（三）（八）`, regulation: SEC, enforcement: 'enforce',
  text: '文书按批示要求及时传递涉密信息，各科室阅完涉密文件后交文书收缴归档，不得滞留和截留；有未收回的传阅件不得归档。',
  params: { legReturnWorkingDays: { value: 2, label: '传阅件交回期限', unit: '个工作日', demo: true } } });
export const SEC05 = defineRule({ id: 'SEC-05', cite: `《${SEC}》一（四）；《${DOCF}》第二十三条`, regulation: SEC, enforcement: 'enforce',
  text: '各科室借阅已归档的涉密文件要办理借阅手续（综合科负责人批准，CONF-122），限期归还，不得遗失，文书要按期收回。',
  params: { reminderDaysBefore: { value: 1, label: '到期前提醒', unit: '个工作日', demo: true } } });
export const SEC06 = defineRule({ id: 'SEC-06', cite: `《${DOCF}》第二十五条`, regulation: DOCF, enforcement: 'enforce',
  text: '绝密件不允许借阅、翻印、摘录。' });
export const SEC07 = defineRule({ id: 'SEC-07', cite: `《${DOCF}》第二十五条`, regulation: DOCF, enforcement: 'enforce',
  text: '复制机密级、秘密级公文，需向主管办领导提出申请，由办综合科协助复制；复制件加盖“白城市扶贫办综合科”印章，按原件的密级、保密期限和知悉范围管理，用后及时退回办综合科销毁，如有其他用途需登记注明。',
  params: { stampText: { value: '白城市扶贫办综合科', label: '复制件加盖印章' } } });
export const SEC08 = defineRule({ id: 'SEC-08', cite: `《${DOCF}》第二十五条`, regulation: DOCF, enforcement: 'enforce',
  text: '密件原则上不允许摘抄，确因工作需要摘抄的记录件，视同原密件进行管理，妥善保管，定期清理登记销毁。' });
export const SEC09 = defineRule({ id: 'SEC-09', cite: `《${DOCF}》第二十三条；《${SEC}》二（一）2（1）`, regulation: DOCF, enforcement: 'record',
  text: '涉密文件的拟制、印刷、传递、承办、借阅、保管、归档、移交和销毁，必须严格履行审批、登记手续（销毁经综合科负责人和定密责任人批准，CONF-122）；登记簿只记标识信息（SEC-23）。',
  params: { registerTextMax: { value: 60, label: '登记簿文字字段最大长度（超过视为录入内容，SEC-23）', unit: '字', demo: true } } });
export const SEC13 = defineRule({ id: 'SEC-13', cite: `《${SEC}》一（六）`, regulation: SEC, enforcement: 'remind',
  text: '每年第一季度内必须将上年涉密文件全部归档入卷（3月31日前；自3月1日起提醒，4月1日起列为逾期）。',
  params: { reminderFrom: { value: '03-01', label: '开始提醒日期（月-日）', demo: true } } });
export const SEC14 = defineRule({ id: 'SEC-14', cite: `《${SEC}》一（七）；《${DOCF}》第二十四条`, regulation: SEC, enforcement: 'enforce',
  text: '已阅卷的涉密文件要按档案管理要求，分密级入柜妥善保管。' });
export const SEC19 = defineRule({ id: 'SEC-19', cite: `《${DOCF}》第二十二条`, regulation: DOCF, enforcement: 'enforce',
  text: '涉密公文传阅应严格遵守有关保密规定；传阅、借阅、复制不得超出知悉范围。' });
export const SEC24 = defineRule({ id: 'SEC-24', cite: `《${SEC}》二（三）2`, regulation: SEC, enforcement: 'compute',
  text: '存储涉密信息的介质按所存储信息的最高密级划定密级，经单位保密机构统一编号、标明密级、统一保管并明确管理责任人；严禁使用私人计算机和存储介质处理和存储涉密信息。' });

export type Level = 'secret' | 'confidential' | 'top_secret';
export const LEVELS: Level[] = ['secret', 'confidential', 'top_secret'];
export const LEVEL_LABEL: Record<Level, string> = { secret: '秘密', confidential: '机密', top_secret: '绝密' };
const RANK: Record<Level, number> = { secret: 1, confidential: 2, top_secret: 3 };

/** SEC-24: the highest level of the contents (绝密 > 机密 > 秘密); null for no classified content. */
export function highestLevel(levels: string[]): Level | null {
  let best: Level | null = null;
  for (const l of levels as Level[]) if (RANK[l] && (!best || RANK[l] > RANK[best])) best = l;
  return best;
}

/**
 * SEC-23 (“涉密信息不上网”): a register field must be a short label, not a passage of the
 * document. Reading, our check: a field is refused when it is longer than the limit, spans
 * lines, holds more than one sentence (two or more of 。！？；), or carries the numbering of a
 * body text (一、 （一） 第一条 1. …). It cannot prove that a title is harmless; it stops
 * pasting content into the register, which is the risk the rule names.
 */
const ENUMERATION = /(^|[\s：:])([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十百零]+[条章节款]|\d+[.、．](?!\d))/;
export function looksLikeContent(text: string, max = SEC09.param('registerTextMax')): string | null {
  if ([...text].length > max) return `超过${max}字`;
  if (/[\r\n]/.test(text)) return '含有换行';
  if ((text.match(/[。！？；!?;]/g) ?? []).length >= 2) return '含有多个句子';
  if (ENUMERATION.test(text)) return '含有正文的条款编号';
  return null;
}

export function checkNoContent(fields: Record<string, string | null | undefined>): Verdict {
  for (const [label, value] of Object.entries(fields)) {
    if (!value) continue;
    const why = looksLikeContent(value);
    if (why) return SEC23.block(`“${label}”${why}，疑似录入了涉密内容；本系统只登记涉密载体的标识信息，不得录入涉密内容`);
  }
  return SEC23.ok();
}

/** SEC-06: no loan, copy or excerpt of 绝密, without override. */
export function checkNotTopSecret(level: string, action: '借阅' | '翻印（复制）' | '摘录'): Verdict {
  return level === 'top_secret' ? SEC06.block(`绝密件不允许${action}`) : SEC06.ok();
}

/** SEC-14: the cabinet compartment's level must be the document's level. */
export function checkCabinet(level: string, compartmentLevel: string): Verdict {
  return level === compartmentLevel ? SEC14.ok() : SEC14.block(`${LEVEL_LABEL[level as Level]}文件须存入${LEVEL_LABEL[level as Level]}级保密柜，不得存入${LEVEL_LABEL[compartmentLevel as Level] ?? compartmentLevel}级柜格`);
}

/** SEC-19: a reader outside the knowledge scope is refused. */
export function checkScope(scope: { unitIds: string[]; personIds: string[] }, person: { id: string; unitId: string | null }, who: string): Verdict {
  const inside = scope.personIds.includes(person.id) || (!!person.unitId && scope.unitIds.includes(person.unitId));
  return inside ? SEC19.ok() : SEC19.block(`${who}不在该涉密文件的知悉范围内`);
}

/** SEC-13: the archiving deadline of documents of year Y is 31 March of Y+1. */
export function archiveDeadline(year: number): string {
  return `${year + 1}-03-31`;
}

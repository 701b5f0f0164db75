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

// ---------------------------------------------------------------- outgoing, custody, equipment and duties (SEC-10..12, 15..18, 20..22, 25..34)

export const SEC10 = defineRule({ id: 'SEC-10', cite: `《${SEC}》一（五）（九）`, regulation: SEC, enforcement: 'enforce',
  text: '对外印发的涉密文件由分管领导签发、主任把关；上报、下发的涉密材料由综合科专职人员审核后报分管领导签发或审核。未经综合科审核、分管领导签发、主任把关，不得印制、发出。' });
export const SEC11 = defineRule({ id: 'SEC-11', cite: `《${SEC}》一（十）`, regulation: SEC, enforcement: 'enforce',
  text: '上报的涉密文件由主任签发。' });
export const SEC12 = defineRule({ id: 'SEC-12', cite: `《${SEC}》一（五）`, regulation: SEC, enforcement: 'enforce',
  text: '办内部文件必须发至每位主任及各科室（涉密内部文件强制；分送对象超出知悉范围时提示，CONF-124）。' });
export const SEC15 = defineRule({ id: 'SEC-15', cite: `《${DOCF}》第二十四条`, regulation: DOCF, enforcement: 'warn',
  text: '涉密文件原则上不可带离工作场所；确需带离的，须经批准并登记带出、带回。' });
export const SEC16 = defineRule({ id: 'SEC-16', cite: `《${DOCF}》第二十四条`, regulation: DOCF, enforcement: 'remind',
  text: '综合科应定期对当年存放的涉密文件进行清查、核对，发现问题及时报告。',
  params: { periodMonths: { value: 3, label: '清查核对周期', unit: '个月', demo: true } } });
export const SEC17 = defineRule({ id: 'SEC-17', cite: `《${DOCF}》第十二条`, regulation: DOCF, enforcement: 'enforce',
  text: '涉密公文由综合科在涉密计算机上印制，标明密级，逐份编制份号，并逐份登记分发。',
  params: { copyNoDigits: { value: 6, label: '份号位数', unit: '位' } } });
export const SEC18 = defineRule({ id: 'SEC-18', cite: `《${DOCF}》第二十六条；《${SEC}》二（二）1`, regulation: DOCF, enforcement: 'enforce',
  text: '传递涉密公文，必须通过机要收发人员或者采取符合国家保密规定的计算机信息系统、密码传真等方式进行；严禁用普通传真机传输涉密文件，严禁密电明传。' });
export const SEC20 = defineRule({ id: 'SEC-20', cite: `《${SEC}》二（一）1`, regulation: SEC, enforcement: 'enforce',
  text: '确定办公室主任为定密责任人（本系统为“定密责任人”职务，默认由综合科负责人担任，CONF-123）；涉密文件密级的确定和变更由定密责任人作出或批准。' });
export const SEC21 = defineRule({ id: 'SEC-21', cite: `《${SEC}》二（一）2（3）`, regulation: SEC, enforcement: 'record',
  text: '对外提供数据由综合科酌情处理；汇编的信息资料由专人保管。系统登记每次对外提供数据的请求、综合科的处理意见和资料保管人。' });
export const SEC22 = defineRule({ id: 'SEC-22', cite: `《${SEC}》二（二）1—2`, regulation: SEC, enforcement: 'record',
  text: '传真机设专人管理；严禁用普通传真机传输涉密文件，严禁用无保密措施的电话谈论国家秘密，不使用受赠手机，涉密会议交存手机并取出电池。系统登记传真机管理人（设备登记簿）。' });
export const SEC25 = defineRule({ id: 'SEC-25', cite: `《${SEC}》二（三）2`, regulation: SEC, enforcement: 'enforce',
  text: '涉密计算机和存储介质的更换、维修、报废，须由保密工作部门或其指定的单位办理，不得出售、转让。' });
export const SEC26 = defineRule({ id: 'SEC-26', cite: `《${SEC}》二（三）3`, regulation: SEC, enforcement: 'enforce',
  text: '确因工作需要将笔记本电脑作为涉密单机使用的，须明确责任人、建立涉密单机档案，不得外借、不得带离。' });
export const SEC27 = defineRule({ id: 'SEC-27', cite: `《${SEC}》二（四）1—2`, regulation: SEC, enforcement: 'remind',
  text: '经常开展保密教育；节假日之前进行保密检查，发现问题及时整改。',
  params: { leadWorkingDays: { value: 5, label: '节前保密检查提前提醒', unit: '个工作日', demo: true } } });
export const SEC28 = defineRule({ id: 'SEC-28', cite: `《${SEC}》二（四）3`, regulation: SEC, enforcement: 'record',
  text: '微机室、档案室、领导办公室文件柜随时上锁、房门随时关闭，其他办公室无人时关门。系统在节前保密检查记录中逐项登记门、柜情况。' });
export const SEC29 = defineRule({ id: 'SEC-29', cite: `《${SEC}》二（五）`, regulation: SEC, enforcement: 'report',
  text: '保密委员会：主任任主任委员，主管副主任任副主任委员，各科室负责人为委员，办公室设在综合科，并有专人负责日常工作；科室负责人变动后未补入委员会的，系统报告。' });
export const SEC30 = defineRule({ id: 'SEC-30', cite: `《${SEC}》三（一）—（三）`, regulation: SEC, enforcement: 'record',
  text: '正确操作设备，下班关机；微机出现异常不得使用，软硬件故障报微机管理人员处理，不得私自拆机。系统登记故障报修及处理结果。' });
export const SEC31 = defineRule({ id: 'SEC-31', cite: `《${SEC}》三（四）`, regulation: SEC, enforcement: 'enforce',
  text: '统一配置的设备未经批准（综合科负责人）不得转让给其他单位或个人；不得泄露核心系统的技术资料。' });
export const SEC32 = defineRule({ id: 'SEC-32', cite: `《${SEC}》三（五）`, regulation: SEC, enforcement: 'record',
  text: '外单位或个人的存储设备接入本办计算机，须事先经微机管理人员同意并登记。' });
export const SEC33 = defineRule({ id: 'SEC-33', cite: `《${SEC}》三（六）（七）`, regulation: SEC, enforcement: 'record',
  text: '未经管理员许可不得更改IP地址等软硬件配置，不得使用他人账号登录，工作时间不从事与工作无关的活动。系统登记配置变更的许可。' });
export const SEC34 = defineRule({ id: 'SEC-34', cite: `《${SEC}》三（九）（十）`, regulation: SEC, enforcement: 'record',
  text: '微机管理人员定期维护；因疏忽造成损坏可恢复的予以批评教育，故意违规造成损失的追究责任。系统登记维护记录、事件及处理结果。' });

export const RANK_OF = RANK;

/** SEC-18: the channels a classified document may travel by. */
export const CHANNELS: Record<string, { label: string; secure: boolean }> = {
  courier: { label: '机要收发人员', secure: true },
  secure_system: { label: '符合国家保密规定的计算机信息系统', secure: true },
  crypto_fax: { label: '密码传真', secure: true },
  plain_fax: { label: '普通传真', secure: false },
  plain_telegram: { label: '密电明传', secure: false },
  post: { label: '普通邮寄', secure: false },
  email: { label: '互联网电子邮件', secure: false },
};
export function checkChannel(channel: string): Verdict {
  const c = CHANNELS[channel];
  if (!c) return SEC18.block('请选择传递方式');
  return c.secure ? SEC18.ok() : SEC18.block(`涉密文件不得通过“${c.label}”传递，须通过机要收发人员、符合国家保密规定的计算机信息系统或密码传真`);
}

/** SEC-23 on the equipment register: a classified machine is never online, and has a dedicated user and a password. */
export function checkDevice(d: { isClassified: boolean; internetConnected: boolean; userPersonId?: string | null; passwordSet?: boolean }): Verdict {
  if (!d.isClassified) return SEC23.ok();
  if (d.internetConnected) return SEC23.block('涉密计算机不得连接互联网，上网计算机不得处理涉密信息（涉密信息不上网，上网信息不涉密）');
  if (!d.userPersonId || !d.passwordSet) return SEC23.block('涉密单机须明确专人使用并设置开机密码');
  return SEC23.ok();
}

/** SEC-26: a laptop used as a classified standalone machine needs a work reason and a device file. */
export function checkLaptop(d: { kind: string; isClassified: boolean; justification?: string | null; deviceFileNo?: string | null }): Verdict {
  if (d.kind !== 'laptop' || !d.isClassified) return SEC26.ok();
  if (!d.justification) return SEC26.block('笔记本电脑作为涉密单机使用须登记确因工作需要的理由');
  if (!d.deviceFileNo) return SEC26.block('笔记本电脑作为涉密单机使用须建立涉密单机档案（填写档案编号）');
  return SEC26.ok();
}

/** SEC-25: classified equipment is repaired, replaced or scrapped only through the secrecy authority, never sold or transferred. */
export function checkClassifiedDisposal(isClassified: boolean, kind: string, handlerType: string): Verdict {
  if (!isClassified) return SEC25.ok();
  if (kind === 'sell' || kind === 'transfer') return SEC25.block('涉密计算机和存储介质不得出售、转让');
  if (handlerType !== 'authority' && handlerType !== 'designated') return SEC25.block('涉密设备的更换、维修、报废须由保密工作部门或其指定的单位办理');
  return SEC25.ok();
}

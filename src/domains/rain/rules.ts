import { defineRule, type Verdict } from '../../kernel/rules';

/**
 * “雨露计划”工作细则 (B-poverty.md §2, RAIN-01…27). Checks are pure functions returning
 * verdicts; the services load the facts and call `enforce`.
 */
const REG = '“雨露计划”工作细则';
const rule = (id: string, cite: string, enforcement: 'enforce' | 'warn' | 'compute' | 'record' | 'remind' | 'report', text: string) =>
  defineRule({ id, cite, regulation: REG, enforcement, text });

export const RAIN01 = defineRule({
  id: 'RAIN-01',
  cite: '雨露计划细则 一（一）',
  regulation: REG,
  enforcement: 'compute',
  text: '农村建档立卡贫困家庭子女接受中、高等职业教育，按每生每学期1500元标准补助；其他金额不予接受。',
  params: { amountPerSemesterFen: { value: 150000, label: '每生每学期补助标准', unit: '分' } },
});
export const RAIN02 = defineRule({
  id: 'RAIN-02',
  cite: '雨露计划细则 一（一）',
  regulation: REG,
  enforcement: 'enforce',
  text: '春、秋学期各补一次，即每学年3000元；同一学生同一学期只能补助一次（按每生计算，一户两名学生各补1500元）。',
  params: { maxPerAcademicYearFen: { value: 300000, label: '每生每学年补助上限', unit: '分' } },
});
export const RAIN03 = rule('RAIN-03', '雨露计划细则 一（一）、三（三）', 'enforce', '补助资金以一卡通（折）方式直接打入贫困家庭账户，不得打入学校、第三方账户或发放现金。');
export const RAIN04 = rule('RAIN-04', '雨露计划细则 一（一）', 'enforce', '无论子女在何地就读，均在其家庭所在地申领；补助记录归属家庭所在县、乡、村，学校所在地不影响资格。');
export const RAIN05 = rule('RAIN-05', '雨露计划细则 一（一）', 'record', '所需补助资金在财政扶贫资金中足额安排：发放批次记录资金来源为财政扶贫资金。');
export const RAIN06 = rule('RAIN-06', '雨露计划细则 一（二）', 'enforce', '家庭须为精准识别且录入国家扶贫开发信息系统的贫困家庭；特殊情况未录入的，须经县级扶贫开发领导小组审定并履行规定程序确认。');
export const RAIN07 = rule('RAIN-07', '雨露计划细则 一（二）', 'enforce', '子女本人户口已迁出本村（主要指户口迁至学校所在地的高职在校生）的，同样享受扶持政策，不得以此为由拒绝。');
export const RAIN08 = rule('RAIN-08', '雨露计划细则 一（二）', 'enforce', '子女须在校学习，且在教育部、人社部中高等职业教育学籍管理系统注册正式学籍；中职含全日制普通中专、成人中专、职业高中、技工学校，高职含全日制普通大专、高职院校、技师学院等（“等”类须人工确认）。');
export const RAIN09 = rule('RAIN-09', '雨露计划细则 一（三）', 'enforce', '接受职业教育在校学习期间（包括顶岗实习）均可享受补助；毕业、退学、失学后不再补助新学期。');
export const RAIN10 = defineRule({
  id: 'RAIN-10',
  cite: '雨露计划细则 一（三）',
  regulation: REG,
  enforcement: 'enforce',
  text: '符合条件的贫困家庭第一次得到补助后，其子女在校学习期间无论家庭是否脱贫，继续享受；首次补助前已脱贫的，默认不符合，须县级扶贫开发领导小组决定（CONF-10）。',
  params: { exitedBeforeFirstSubsidyEligible: { value: false, label: '首次补助前已脱贫的家庭默认符合条件', demo: true } },
});
export const RAIN11 = rule('RAIN-11', '雨露计划细则 一（三）', 'enforce', '接受中等职业教育期间享受补助，毕业后直接升入高等职业院校继续学习的，其家庭继续享受；“直接”指毕业当年秋季学期入学，间隔入学的提示并按新情况重新认定（CONF-91）。');
export const RAIN12 = rule('RAIN-12', '雨露计划细则 三（一）（3）', 'enforce', '因信息填报不完整、返贫人口尚未纳入信息系统等原因而确实符合条件的贫困家庭，经县级扶贫领导小组审定并履行规定程序后方可给予补助。');
export const RAIN13 = rule('RAIN-13', '雨露计划细则 三（一）（3）', 'enforce', '严格按程序确认并兑现补助后，因学生个人原因退学、失学，经县级扶贫领导小组确认的，不按错补、虚假补助对待（不得登记追缴）；未确认的列为待定。');
export const RAIN14 = rule('RAIN-14', '雨露计划细则 三（一）', 'enforce', '确定补助对象须经学籍比对、户籍筛查、源头确认三个环节：名单中每名学生须有学籍比对结果（含国家标识范围和县级复核结论），本学期户籍筛查和源头确认须已登记，方可公示。');
export const RAIN15 = defineRule({
  id: 'RAIN-15',
  cite: '雨露计划细则 三（二）',
  regulation: REG,
  enforcement: 'enforce',
  text: '拟补助对象名单须在本村人员密集处公示，公示现场由村委会拍照留存备案；无公示记录或无现场照片的，不得报县级扶贫领导小组确认。公示天数不作最低要求，只作记录（CONF-92）。',
  params: { maxPhotoBytes: { value: 5 * 1024 * 1024, label: '公示照片大小上限', unit: '字节', demo: true } },
});
export const RAIN16 = rule('RAIN-16', '雨露计划细则 三（二）', 'enforce', '群众举报不符合补助条件的，经乡（镇）党委政府查实，报县级扶贫部门核准后取消补助资格；仅有乡镇查实不能取消。');
export const RAIN17 = rule('RAIN-17', '雨露计划细则 三（三）', 'enforce', '公示无异议且经县级扶贫领导小组确认的补助对象方可列入发放批次；补助名单、所需资金、打款账号一并提交县级财政局。');
export const RAIN18 = rule('RAIN-18', '雨露计划细则 三（三）', 'record', '补助流水同时抄送扶贫部门及各乡（镇）、村备案；系统列出尚未抄送的单位。');
export const RAIN19 = defineRule({
  id: 'RAIN-19',
  cite: '雨露计划细则 三（四）',
  regulation: REG,
  enforcement: 'remind',
  text: '乡镇收到补助流水后迅速组织发放确认，告知补助对象款项名称及补助标准，乡村两级留存确认单。',
  params: { rainConfirmationReminderDays: { value: 10, label: '流水日期后提醒确认的天数（“迅速”）', unit: '日', demo: true } },
});
export const RAIN20 = rule('RAIN-20', '雨露计划细则 三（五）', 'compute', '县、乡、村三级分学期建台账，到户到人；乡、村台账与县台账人员、金额一致。');
export const RAIN21 = rule('RAIN-21', '雨露计划细则 三（五）', 'compute', '县级扶贫部门厘清国家标识范围实补人数、非补人数，以及国家标识范围之外且符合补助条件的人数。');
export const RAIN22 = rule('RAIN-22', '雨露计划细则 三（六）', 'enforce', '按规定时限将补助信息录入全国扶贫开发信息管理系统，补助人数与录入人数一致；不一致的不能标记录入完成。');
export const RAIN23 = defineRule({
  id: 'RAIN-23',
  cite: '雨露计划细则 三（七）',
  regulation: REG,
  enforcement: 'enforce',
  text: '县级扶贫部门每半年形成工作总结，附会议纪要、专项通知、统计表及台账，经本级扶贫领导小组组长审定后逐级上报，市级汇总上报。',
  params: { rainSummaryDueMonthsAfter: { value: 1, label: '半年结束后第几个月月底前报送', unit: '月', demo: true } },
});
export const RAIN24 = defineRule({
  id: 'RAIN-24',
  cite: '雨露计划细则 三（八）',
  regulation: REG,
  enforcement: 'remind',
  text: '县级扶贫部门每半年组织一次明察暗访，抽取相应数量乡镇、村和补助对象，发现问题销号整改。',
  params: {
    rainInspectionSampleSizes: { value: { townships: 1, villages: 2, beneficiaries: 5 }, label: '抽查数量（乡镇、村、补助对象）', demo: true },
  },
});
export const RAIN25 = rule('RAIN-25', '雨露计划细则 二（四）', 'record', '漏补人员及时补放资金，错补及时追缴，并做好佐证留存（佐证必填）。');
export const RAIN26 = defineRule({
  id: 'RAIN-26',
  cite: '雨露计划细则 二（一）',
  regulation: REG,
  enforcement: 'remind',
  text: '扶贫部门每年春季和秋季牵头下发专项通知。',
  params: { rainNoticeReminderDates: { value: ['03-01', '09-01'], label: '专项通知提醒日期（春、秋）', demo: true } },
});
export const RAIN27 = defineRule({
  id: 'RAIN-27',
  cite: '雨露计划细则 二（二）',
  regulation: REG,
  enforcement: 'remind',
  text: '教育部门每年毕业季向扶贫部门提供贫困家庭初中、高中毕业生基础信息；职业院校为贫困家庭学生出具在校就读证明。',
  params: { rainGraduateDataMonth: { value: 7, label: '毕业季（提醒月份）', unit: '月', demo: true } },
});

// ---------------------------------------------------------------------------------------------
// Semesters (GAP-B-RAIN01): 'YYYY-spring' | 'YYYY-autumn'. Spring = H1, autumn = H2.

export type Season = 'spring' | 'autumn';
export const SEASON_LABEL: Record<Season, string> = { spring: '春季学期', autumn: '秋季学期' };
export const SEMESTER_RE = /^(\d{4})-(spring|autumn)$/;

export function parseSemester(key: string): { year: number; season: Season } | null {
  const m = SEMESTER_RE.exec(key);
  return m ? { year: Number(m[1]), season: m[2] as Season } : null;
}
export function semesterLabel(key: string): string {
  const p = parseSemester(key);
  return p ? `${p.year}年${SEASON_LABEL[p.season]}` : key;
}
/** The academic year a semester belongs to: autumn Y and spring Y+1 are year 'Y-(Y+1)'. */
export function academicYear(key: string): string {
  const p = parseSemester(key);
  if (!p) return key;
  const start = p.season === 'autumn' ? p.year : p.year - 1;
  return `${start}-${start + 1}`;
}
export function otherSemesterOfYear(key: string): string {
  const p = parseSemester(key)!;
  return p.season === 'autumn' ? `${p.year + 1}-spring` : `${p.year - 1}-autumn`;
}
/** The semester a date falls in: September–January autumn, February–August spring. */
export function semesterOfDate(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  if (m >= 9) return `${y}-autumn`;
  if (m === 1) return `${y - 1}-autumn`;
  return `${y}-spring`;
}
export function halfOfSemester(key: string): string {
  const p = parseSemester(key)!;
  return `${p.year}-${p.season === 'spring' ? 'H1' : 'H2'}`;
}
export const HALF_RE = /^(\d{4})-(H1|H2)$/;
export function semesterOfHalf(half: string): string {
  const m = HALF_RE.exec(half)!;
  return `${m[1]}-${m[2] === 'H1' ? 'spring' : 'autumn'}`;
}
export function halfLabel(half: string): string {
  const m = HALF_RE.exec(half);
  return m ? `${m[1]}年${m[2] === 'H1' ? '上半年' : '下半年'}` : half;
}

// ---------------------------------------------------------------------------------------------
// School types (RAIN-08).

export const SCHOOL_TYPES = {
  FULLTIME_REGULAR_SECONDARY_SPECIALISED: { label: '全日制普通中专', level: 'SECONDARY' },
  ADULT_SECONDARY_SPECIALISED: { label: '成人中专', level: 'SECONDARY' },
  VOCATIONAL_HIGH_SCHOOL: { label: '职业高中', level: 'SECONDARY' },
  TECHNICAL_SCHOOL: { label: '技工学校', level: 'SECONDARY' },
  FULLTIME_REGULAR_JUNIOR_COLLEGE: { label: '全日制普通大专', level: 'HIGHER' },
  HIGHER_VOCATIONAL_COLLEGE: { label: '高职院校', level: 'HIGHER' },
  TECHNICIAN_COLLEGE: { label: '技师学院', level: 'HIGHER' },
  OTHER_HIGHER_VOCATIONAL: { label: '其他高等职业教育（须人工确认）', level: 'HIGHER' },
  GENERAL_HIGH_SCHOOL: { label: '普通高中', level: 'OTHER' },
  UNDERGRADUATE: { label: '普通本科', level: 'OTHER' },
  OTHER_NON_VOCATIONAL: { label: '其他非职业教育', level: 'OTHER' },
} as const;
export type SchoolType = keyof typeof SCHOOL_TYPES;
export const SCHOOL_TYPE_CODES = Object.keys(SCHOOL_TYPES) as SchoolType[];
export const ENROLMENT_STATUS = { IN_SCHOOL: '在校', POST_INTERNSHIP: '顶岗实习', GRADUATED: '已毕业', DROPPED_OUT: '退学', OUT_OF_SCHOOL: '失学' } as const;
export type EnrolmentStatus = keyof typeof ENROLMENT_STATUS;
export const REGISTRY_LABEL: Record<string, string> = { MOE: '教育部学籍系统', MOHRSS: '人社部学籍系统' };

// ---------------------------------------------------------------------------------------------
// Eligibility (B-poverty.md §2.6 decision table).

export interface EligibilityFacts {
  semester: string;
  household: { registeredStatus: string; exitYear: number | null; specialApproval: boolean };
  student: {
    schoolType: string;
    formalStatus: boolean;
    registrySystem: string | null;
    enrolmentStatus: string;
    hukouMovedOut: boolean;
    secondaryGraduatedOn: string | null;
    enrolledOn: string | null;
  };
  /** Year of the household's first paid semester (any child), before this semester; null if none. */
  householdFirstPaidYear: number | null;
  /** This student was paid while in secondary vocational education (RAIN-11). */
  paidAsSecondary: boolean;
  /** Latest county leading-group decisions recorded for this student, by kind. */
  decisions: Partial<Record<DecisionKind, boolean>>;
}

export type DecisionKind = 'EXITED_BEFORE_FIRST_SUBSIDY' | 'OTHER_TYPE' | 'DROPOUT_NOT_WRONG';
export const DECISION_LABEL: Record<DecisionKind, string> = {
  EXITED_BEFORE_FIRST_SUBSIDY: '首次补助前已脱贫家庭的补助资格（RAIN-10）',
  OTHER_TYPE: '“等”类高等职业院校的人工确认（RAIN-08）',
  DROPOUT_NOT_WRONG: '个人原因退学、失学不按错补对待（RAIN-13）',
};

export interface Reason {
  ruleId: string;
  text: string;
}

export interface Eligibility {
  status: 'eligible' | 'ineligible' | 'needs_decision';
  /** Why not (ineligible / needs_decision), or notes that did not count against (RAIN-07 …). */
  reasons: Reason[];
  /** Warnings to acknowledge when the student is put on a list (RAIN-11 gap …). */
  verdicts: Verdict[];
}

/**
 * Evaluate one student for one semester. Readings (written in the report):
 * - Registered household = 未脱贫户 or 脱贫户 of the register (the register mirrors the national
 *   system: its 户编号 is the system's), or a county leading-group special approval (RAIN-06/12).
 * - RAIN-10: the register holds the exit year only; a first subsidy paid in the exit year or
 *   earlier counts as “before the exit” (read in the family's favour).
 * - RAIN-11 continuation overrides RAIN-10 (AS-B19: eligible “even though the household exited”).
 * - Where the school is and where the hukou is never count (RAIN-04, RAIN-07).
 */
export function evaluateEligibility(f: EligibilityFacts): Eligibility {
  const reasons: Reason[] = [];
  const verdicts: Verdict[] = [];
  let status: Eligibility['status'] = 'eligible';
  const fail = (ruleId: string, text: string) => {
    status = 'ineligible';
    reasons.push({ ruleId, text });
  };
  const type = SCHOOL_TYPES[f.student.schoolType as SchoolType];
  // RAIN-08 (a)(c): vocational school of a listed type.
  if (!type || type.level === 'OTHER') fail('RAIN-08', `${type?.label ?? f.student.schoolType}不属于中、高等职业教育，不在补助范围`);
  // RAIN-08 (b): formal 学籍 in the MOE or MOHRSS system.
  if (!f.student.formalStatus || !['MOE', 'MOHRSS'].includes(f.student.registrySystem ?? '')) fail('RAIN-08', '未在教育部、人社部中高等职业教育学籍管理系统注册正式学籍');
  // RAIN-09: at school, internships included.
  if (!['IN_SCHOOL', 'POST_INTERNSHIP'].includes(f.student.enrolmentStatus)) {
    fail('RAIN-09', `学生${ENROLMENT_STATUS[f.student.enrolmentStatus as EnrolmentStatus] ?? f.student.enrolmentStatus}，不在校学习期间，本学期不予补助`);
  }
  // RAIN-06 / RAIN-12: the household.
  const registered = f.household.registeredStatus === 'poor' || f.household.registeredStatus === 'exited';
  if (!registered && !f.household.specialApproval) fail('RAIN-06', '家庭不是精准识别且录入国家扶贫开发信息系统的贫困户，也没有县级扶贫开发领导小组的审定确认');
  // RAIN-07: hukou moved out never disqualifies.
  if (f.student.hukouMovedOut) reasons.push({ ruleId: 'RAIN-07', text: '户口已迁出本村，不影响补助资格（说明）' });
  // RAIN-11: secondary → directly higher vocational.
  let continuing = false;
  if (type?.level === 'HIGHER' && f.student.secondaryGraduatedOn && f.paidAsSecondary) {
    const direct = f.student.enrolledOn !== null && semesterOfDate(f.student.enrolledOn) === `${f.student.secondaryGraduatedOn.slice(0, 4)}-autumn`;
    if (direct) {
      continuing = true;
      reasons.push({ ruleId: 'RAIN-11', text: '中职期间享受补助，毕业后直接升入高等职业院校，继续享受（说明）' });
    } else {
      verdicts.push(RAIN11.warn('中职毕业后未在当年秋季学期直接升入高职，按新情况重新认定'));
      reasons.push({ ruleId: 'RAIN-11', text: '中职毕业后非直接升入高职，已按新情况重新认定（提示）' });
    }
  }
  // RAIN-10: exited households.
  if (f.household.registeredStatus === 'exited' && !continuing && status === 'eligible') {
    const subsidisedBeforeExit = f.householdFirstPaidYear !== null && f.household.exitYear !== null && f.householdFirstPaidYear <= f.household.exitYear;
    if (!subsidisedBeforeExit && !RAIN10.param('exitedBeforeFirstSubsidyEligible')) {
      const decision = f.decisions.EXITED_BEFORE_FIRST_SUBSIDY;
      if (decision === undefined) {
        status = 'needs_decision';
        reasons.push({ ruleId: 'RAIN-10', text: `家庭在首次享受补助前已脱贫（${f.household.exitYear ?? ''}年），默认不符合条件，须县级扶贫开发领导小组决定` });
        verdicts.push(RAIN10.warn('家庭在首次享受补助前已脱贫，须县级扶贫开发领导小组决定'));
      } else if (!decision) {
        fail('RAIN-10', '家庭在首次享受补助前已脱贫，县级扶贫开发领导小组决定不予补助');
      }
    }
  }
  // RAIN-08 “等”: other higher-vocational types need a manual confirmation.
  if (f.student.schoolType === 'OTHER_HIGHER_VOCATIONAL' && status === 'eligible') {
    const decision = f.decisions.OTHER_TYPE;
    if (decision === undefined) {
      status = 'needs_decision';
      reasons.push({ ruleId: 'RAIN-08', text: '学校类型为“等”类高等职业教育，须人工确认' });
      verdicts.push(RAIN08.warn('学校类型为“等”类高等职业教育，须人工确认'));
    } else if (!decision) fail('RAIN-08', '经人工确认，该学校不属于高等职业教育');
  }
  return { status, reasons, verdicts };
}

// ---------------------------------------------------------------------------------------------
// Pure checks used by the services.

/** RAIN-01: any amount other than the standard is refused. */
export function checkAmount(amountFen: number): Verdict {
  const std = RAIN01.param('amountPerSemesterFen');
  return amountFen === std ? RAIN01.ok() : RAIN01.block(`补助金额应为每生每学期${std / 100}元，不能为${amountFen / 100}元`);
}

/** RAIN-02: no second line for the same student and semester; the academic year's cap. */
export function checkNoDuplicate(existingSameSemester: number, academicYearPaidFen: number, amountFen: number, name: string, semester: string): Verdict {
  if (existingSameSemester > 0) return RAIN02.block(`${name}在${semesterLabel(semester)}已列入补助，不能重复补助`);
  const cap = RAIN02.param('maxPerAcademicYearFen');
  if (academicYearPaidFen + amountFen > cap) return RAIN02.block(`${name}在${academicYear(semester)}学年的补助将超过${cap / 100}元`);
  return RAIN02.ok();
}

/** RAIN-03: the payee must be the household's own one-card account. */
export function checkPayee(householdAccount: string | null, payeeAccount: string | undefined, householdName: string): Verdict {
  if (!householdAccount) return RAIN03.block(`${householdName}户没有登记一卡通（折）账号，不能列入发放批次`);
  if (payeeAccount !== undefined && payeeAccount.replace(/\s/g, '') !== householdAccount) return RAIN03.block(`收款账号不是${householdName}户登记的一卡通（折）账号；补助只能直接打入贫困家庭账户`);
  return RAIN03.ok();
}

/** RAIN-14: a list goes to publicity only after the three links. */
export function checkThreeLinks(sem: { hukouScreenedOn: string | null; sourceConfirmedOn: string | null } | undefined, unreviewed: string[]): Verdict {
  if (!sem?.hukouScreenedOn) return RAIN14.block('本学期尚未登记户籍筛查，不能公示');
  if (!sem.sourceConfirmedOn) return RAIN14.block('本学期尚未登记源头确认，不能公示');
  if (unreviewed.length > 0) return RAIN14.block(`以下学生缺少学籍比对结果或县级复核结论：${unreviewed.slice(0, 10).join('、')}`, { students: unreviewed });
  return RAIN14.ok();
}

/** RAIN-15: place and at least one photo before the county leading group confirms. */
export function checkPublicity(p: { place: string; photos: number; endDate: string } | undefined, today: string): Verdict[] {
  if (!p) return [RAIN15.block('该村名单没有公示记录')];
  if (!p.place.trim()) return [RAIN15.block('公示记录未写明公示地点（本村人员密集处）')];
  if (p.photos < 1) return [RAIN15.block('公示现场照片尚未由村委会拍照留存，不能报县级扶贫领导小组确认')];
  return [p.endDate >= today ? RAIN15.warn(`公示期至${p.endDate}尚未结束`) : RAIN15.ok()];
}

/** RAIN-16: only the county approves a cancellation, after the township has verified. */
export function checkCancellation(o: { townshipFinding: string | null; status: string }): Verdict {
  if (o.status !== 'open') return RAIN16.block('该举报已办结');
  if (o.townshipFinding !== 'SUBSTANTIATED') return RAIN16.block('须先由乡（镇）党委政府查实举报，再报县级扶贫部门核准');
  return RAIN16.ok();
}

/** RAIN-17: a line is paid only after publicity without an open objection and leading-group confirmation. */
export function checkPayable(d: { status: string; openObjections: number; name: string; eligibility: string }): Verdict {
  if (d.openObjections > 0) return RAIN17.block(`${d.name}的公示异议尚未办结，不能列入发放批次`);
  if (d.status === 'cancelled') return RAIN17.block(`${d.name}的补助资格已取消`);
  if (d.status !== 'confirmed') return RAIN17.block(`${d.name}尚未经公示和县级扶贫领导小组确认，不能列入发放批次`);
  if (d.eligibility !== 'eligible') return RAIN17.block(`${d.name}不符合补助条件`);
  return RAIN17.ok();
}

/** RAIN-22: entered count equals paid count. */
export function checkEntry(paid: number, entered: number): Verdict {
  return paid === entered ? RAIN22.ok() : RAIN22.block(`补助人数${paid}人与录入人数${entered}人不一致，不能标记录入完成`, { paid, entered });
}

/** RAIN-23: attachments and the leading-group head's approval before reporting upward. */
export const SUMMARY_ATTACHMENTS = { minutes: '会议纪要', notices: '专项通知', statistics: '统计表', ledgers: '台账' } as const;
export function checkSummary(s: { attachments: string[]; approvedOn: string | null }): Verdict {
  const missing = Object.entries(SUMMARY_ATTACHMENTS).filter(([k]) => !s.attachments.includes(k)).map(([, v]) => v);
  if (missing.length > 0) return RAIN23.block(`半年总结缺少附件：${missing.join('、')}`);
  if (!s.approvedOn) return RAIN23.block('半年总结尚未经本级扶贫领导小组组长审定');
  return RAIN23.ok();
}

/** RAIN-13: a confirmed drop-out is not a wrong payment; unconfirmed is pending (warn). */
export function checkRecovery(dropout: boolean | undefined, leftSchool: boolean): Verdict {
  if (dropout === true) return RAIN13.block('该生因个人原因退学、失学已经县级扶贫领导小组确认，不按错补对待，不能登记追缴');
  if (leftSchool && dropout === undefined) return RAIN13.warn('该生已退学或失学，县级扶贫领导小组尚未确认是否按错补对待（待定）');
  return RAIN13.ok();
}

/** RAIN-25: evidence is mandatory. */
export function checkEvidence(evidence: string): Verdict {
  return evidence.trim().length >= 2 ? RAIN25.ok() : RAIN25.block('补放或追缴须留存佐证材料（请填写佐证）');
}

/** Summary due date (RAIN-23): end of the month(s) after the half-year. */
export function summaryDueDate(half: string): string {
  const m = HALF_RE.exec(half)!;
  const after = RAIN23.param('rainSummaryDueMonthsAfter');
  const endMonth = (m[2] === 'H1' ? 6 : 12) + after; // e.g. 7 or 13
  const y = Number(m[1]) + Math.floor((endMonth - 1) / 12);
  const mon = ((endMonth - 1) % 12) + 1;
  const last = new Date(Date.UTC(y, mon, 0)).getUTCDate();
  return `${y}-${String(mon).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

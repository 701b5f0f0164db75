import { defineRule, type Verdict } from '../rules';
import type { DateRange } from './dates';

/**
 * Rules of the organisation: the five areas the principal leader may not be in charge of
 * (五不直接分管) and the division of work of 工作规则 第二章. Checks are pure: the service
 * gathers the facts, the check judges them.
 */
const FIVE_REGULATION = '一把手“五不直接分管”和“末位表态”制度';
const WR_REGULATION = '白城市扶贫开发办公室工作规则';

export const five01 = defineRule({
  id: 'FIVE-01',
  cite: '五不直接分管 第一条；第二条（一）–（五）',
  text: '党政“一把手”不直接分管人事、财务、工程项目建设、物资采购、行政审批等五项工作，实行党政“一把手”监管督查、分管领导负责落实执行的管理体制；每项工作确定一名分管领导负责。',
  regulation: FIVE_REGULATION,
  enforcement: 'enforce',
});

export const five02 = defineRule({
  id: 'FIVE-02',
  cite: '五不直接分管 第二条（三）',
  text: '分管财务审批的领导不分管工程项目建设。',
  regulation: FIVE_REGULATION,
  enforcement: 'enforce',
});

export const wr01 = defineRule({
  id: 'WR-01',
  cite: '《工作规则》第六条',
  text: '市扶贫办实行主任负责制，主任主持全面工作。办领导班子其他成员协助主任开展工作。',
  regulation: WR_REGULATION,
  enforcement: 'enforce',
});

export const wr02 = defineRule({
  id: 'WR-02',
  cite: '《工作规则》第七条',
  text: '办分管领导按各自分工，负责处理分管的工作；分管领导受主任委托，负责其他方面的工作及专项任务；代表市扶贫办进行外事活动。',
  regulation: WR_REGULATION,
  enforcement: 'record',
});

export const wr03 = defineRule({
  id: 'WR-03',
  cite: '《工作规则》第八条',
  text: '扶贫办主任较长时间外出期间，由主任指定的副主任主持工作。',
  regulation: WR_REGULATION,
  enforcement: 'enforce',
  params: {
    extendedAbsenceSuggestDays: { value: 3, label: '提示“较长时间外出”的外出天数', unit: '日历日', demo: true },
    actingDirectorIsPrincipal: { value: false as boolean, label: '主持工作的副主任同时视为主要领导', demo: true },
  },
});

export const wr04 = defineRule({
  id: 'WR-04',
  cite: '《工作规则》第九条',
  text: '各科室及扶贫开发服务中心主要负责人负责本科室及服务中心的工作。',
  regulation: WR_REGULATION,
  enforcement: 'enforce',
});

export interface Named {
  id: string;
  name: string;
}

export interface Dated extends DateRange {
  personId: string;
  personName: string;
}

const since = (r: DateRange) => (r.endDate ? `${r.startDate}至${r.endDate}` : `${r.startDate}起`);

export interface AreaAssignmentFacts {
  leader: Named;
  area: { code: string; name: string; restricted: boolean };
  range: DateRange;
  /** Names of principal posts (主任, 党组书记) the leader holds at some time in the range. */
  leaderPrincipalPosts: string[];
  /** Other assignments of the same area whose ranges overlap. */
  sameAreaOverlaps: Dated[];
  /** Area assignments of the same leader whose ranges overlap. */
  leaderAreaOverlaps: (DateRange & { areaCode: string; areaName: string })[];
}

/** FIVE-01: never the principal leader, and one designated leader per area at any time. */
export function checkFive01Assignment(f: AreaAssignmentFacts): Verdict {
  if (!f.area.restricted) return five01.ok();
  if (f.leaderPrincipalPosts.length > 0) {
    return five01.block(
      `${f.leader.name}是党政“一把手”（${f.leaderPrincipalPosts.join('、')}），不得直接分管${f.area.name}工作，应确定一名分管领导负责`,
      { leaderId: f.leader.id, areaCode: f.area.code },
    );
  }
  const other = f.sameAreaOverlaps[0];
  if (other) {
    return five01.block(
      `${f.area.name}工作已确定由${other.personName}分管（${since(other)}），同一时间只能确定一名分管领导；请先结束现有分工`,
      { areaCode: f.area.code, currentLeaderId: other.personId },
    );
  }
  return five01.ok();
}

const FINANCE = 'finance_approval';
const CONSTRUCTION = 'construction';

/** FIVE-02: the finance-approval leader is not in charge of construction, in either order. */
export function checkFive02Assignment(f: AreaAssignmentFacts): Verdict {
  const counterpart = f.area.code === FINANCE ? CONSTRUCTION : f.area.code === CONSTRUCTION ? FINANCE : null;
  if (!counterpart) return five02.ok();
  const clash = f.leaderAreaOverlaps.find((a) => a.areaCode === counterpart);
  if (!clash) return five02.ok();
  return five02.block(
    `${f.leader.name}已分管${clash.areaName}（${since(clash)}），分管财务审批的领导不得同时分管工程项目建设`,
    { leaderId: f.leader.id, areaCode: f.area.code, clashingArea: counterpart },
  );
}

/** FIVE-01 when an assignment ends: warn when the area is left without a designated leader. */
export function checkFive01Gap(f: { area: { name: string; restricted: boolean }; endDate: string; successor: Named | null }): Verdict {
  if (!f.area.restricted || f.successor) return five01.ok();
  return five01.warn(`${f.endDate}以后${f.area.name}工作将没有分管领导，每项工作应确定一名分管领导负责`);
}

/** FIVE-01 when someone takes a principal post: they may not keep any of the five areas. */
export function checkFive01PrincipalPost(f: { person: Named; post: { name: string; principal: boolean }; restrictedAreas: string[] }): Verdict {
  if (!f.post.principal || f.restrictedAreas.length === 0) return five01.ok();
  return five01.block(
    `${f.person.name}分管${f.restrictedAreas.join('、')}，担任${f.post.name}（党政“一把手”）前须先调整分工，一把手不得直接分管这些工作`,
    { personId: f.person.id },
  );
}

/**
 * FIVE-01 / FIVE-02 for a stand-in: whoever acts for an absent leader signs in that leader's areas
 * (the engine hands every step of the absent person to the acting one), so the principal leader
 * may not stand in for a leader of the five areas, and the finance-approval and construction
 * areas may not meet in one person through a stand-in either.
 */
export interface ActingAreaFacts {
  acting: Named;
  absent: Named;
  /** Principal posts the acting person holds at some time in the range. */
  actingPrincipalPosts: string[];
  /** Restricted areas of the absent leader overlapping the range. */
  absentAreas: { code: string; name: string }[];
  /** Restricted areas the acting person already has in the range (own, or as another's stand-in). */
  actingAreas: { code: string; name: string }[];
}

export function checkFiveActing(f: ActingAreaFacts): Verdict[] {
  if (f.absentAreas.length === 0) return [five01.ok()];
  const names = f.absentAreas.map((a) => a.name).join('、');
  if (f.actingPrincipalPosts.length > 0) {
    return [five01.block(`${f.acting.name}是党政“一把手”（${f.actingPrincipalPosts.join('、')}），不得代理${f.absent.name}分管的${names}工作；请指定其他班子成员代理`, { actingPersonId: f.acting.id })];
  }
  const codes = new Set(f.absentAreas.map((a) => a.code));
  const clash = f.actingAreas.find((a) => (a.code === FINANCE && codes.has(CONSTRUCTION)) || (a.code === CONSTRUCTION && codes.has(FINANCE)));
  if (clash) {
    return [five02.block(`${f.acting.name}已分管${clash.name}，代理${f.absent.name}将同时负责财务审批和工程项目建设；分管财务审批的领导不得分管工程项目建设`, { actingPersonId: f.acting.id })];
  }
  return [five01.ok(), five02.ok()];
}

/** WR-01: one 主任 at a time. */
export function checkWr01Director(f: { person: Named; postCode: string; otherDirectors: Dated[] }): Verdict {
  if (f.postCode !== 'director') return wr01.ok();
  const other = f.otherDirectors.find((d) => d.personId !== f.person.id);
  if (!other) return wr01.ok();
  return wr01.block(`${other.personName}已担任主任（${since(other)}），同一时间只能有一名主任主持全面工作`, { currentDirectorId: other.personId });
}

/** WR-04: one 主要负责人 per section and for the service center at a time. */
export function checkWr04Head(f: { unitName: string; person: Named; isHeadPost: boolean; otherHeads: Dated[] }): Verdict {
  if (!f.isHeadPost) return wr04.ok();
  const other = f.otherHeads.find((h) => h.personId !== f.person.id);
  if (!other) return wr04.ok();
  return wr04.block(`${f.unitName}的主要负责人已是${other.personName}（${since(other)}），每个科室（中心）同一时间只有一名主要负责人`, {
    currentHeadId: other.personId,
  });
}

export interface ActingFacts {
  absent: Named;
  acting: Named;
  /** The absent person is 主任 in the range and the arrangement covers that post. */
  coversDirector: boolean;
  /** The designation is the 主任's own (由主任指定). */
  designatedByDirector: boolean;
  /** The stand-in holds 副主任 over the whole range. */
  actingIsDeputyDirector: boolean;
  /** Overlapping arrangements for the same absent person and post naming someone else. */
  otherActing: Dated[];
}

/** WR-03: while the 主任 is away, one 副主任 designated by the 主任 presides over the work. */
export function checkWr03Acting(f: ActingFacts): Verdict {
  if (!f.coversDirector) return wr03.ok();
  if (!f.designatedByDirector) return wr03.block(`主持工作的副主任须由主任${f.absent.name}指定`, { actingPersonId: f.acting.id });
  if (!f.actingIsDeputyDirector) {
    return wr03.block(`${f.acting.name}不是副主任：主任外出期间只能由主任指定的副主任主持工作`, { actingPersonId: f.acting.id });
  }
  const other = f.otherActing[0];
  if (other) {
    return wr03.block(`该期间已指定${other.personName}主持工作（${since(other)}），同一时间只能由一名副主任主持工作`, {
      existingActingPersonId: other.personId,
    });
  }
  return wr03.ok();
}

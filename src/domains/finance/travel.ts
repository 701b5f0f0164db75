import type { Verdict } from '../../kernel/rules';
import { yuan } from './categories';
import type { ClaimFacts } from './facts';
import { SEAT_CLASSES, TRAVEL_LINE_TYPES, type ClaimFormValue, type ClaimLineValue } from './form';
import { TRAVEL01, TRAVEL02, TRAVEL03, TRAVEL04, TRAVEL05, TRAVEL06, TRAVEL07, TRAVEL08, TRAVEL09, TRAVEL10 } from './rules';

/** What a travel line may be reimbursed: the standard caps the claim; the rest is the traveller's (TRAVEL-03/04). */
export function reimbursable(line: ClaimLineValue): { fen: number; note: string } {
  const t = line.travel;
  if (!t) return { fen: line.amountFen, note: '' };
  const cap = (fen: number, what: string) =>
    line.amountFen > fen ? { fen, note: `超过${what}标准${yuan(fen)}，超出${yuan(line.amountFen - fen)}由个人承担` } : { fen: line.amountFen, note: '' };
  switch (t.type) {
    case 'lodging':
      return cap(TRAVEL03.param('lodgingCapFenPerNight'), '住宿费');
    case 'meal_allowance':
      return cap(TRAVEL03.param('mealAllowanceFenPerDay'), '伙食补助费');
    case 'city_transport':
      return cap(TRAVEL03.param('cityTransportFenPerDay'), '市内交通费');
    case 'ticket': {
      if (!overClass(line)) return { fen: line.amountFen, note: '' };
      const fare = t.permittedFareFen ?? 0;
      const fen = Math.min(fare, line.amountFen);
      return { fen, note: `${SEAT_CLASSES[t.seatClass!]}超过规定等级，按规定等级票价${yuan(fen)}报销，${yuan(line.amountFen - fen)}由个人承担` };
    }
  }
}

function overClass(line: ClaimLineValue): boolean {
  const t = line.travel;
  if (!t || t.type !== 'ticket' || !t.mode || !t.seatClass) return false;
  const permitted = TRAVEL04.param('permittedClasses')[t.mode] ?? [];
  return !permitted.includes(t.seatClass);
}

/** TRAVEL-02…06 on a travel claim, against the approved 公出审批单 derived at submission. */
export function checkTravel(form: ClaimFormValue, f: ClaimFacts): Verdict[] {
  const trip = f.trip;
  if (!trip) return [TRAVEL02.block(form.tripId ? '所选公出审批单不存在或尚未批准' : '差旅费报销须关联已批准的公出（出差）审批单，否则不予报销')];
  if (!trip.approvedBy) return [TRAVEL01.block('公出审批单未经分管领导审批签字，出差费用不予报销')];
  if (trip.travellerIds.includes(trip.approvedBy)) return [TRAVEL01.block('公出审批单须由分管领导审批，出差人不得自行审批')];
  const out: Verdict[] = [...hostFees(form)];
  if (!form.tripForMeeting && !form.vouchers.some((v) => v.kind === 'supporting_document' || v.kind === 'meeting_notice')) {
    out.push(TRAVEL02.block('差旅费报销须附出差依据文件（通知、督办件等）'));
  }
  if (form.tripForMeeting && !form.vouchers.some((v) => v.kind === 'meeting_notice')) out.push(TRAVEL02.block('参加会议、培训的差旅费报销须附会议（培训）通知'));
  const arranged = new Set(form.organizer?.arranged ?? []);
  const arrangedDates = new Set(form.organizer?.dates ?? []);
  form.lines.forEach((l, i) => {
    const n = `第${i + 1}条明细`;
    if (!l.travel) return void out.push(TRAVEL02.block(`${n}请选择费用类型（${Object.values(TRAVEL_LINE_TYPES).join('、')}）`));
    if (!l.date) return void out.push(TRAVEL06.block(`${n}请填写日期`));
    if (l.date < trip.startDate || l.date > trip.endDate) out.push(TRAVEL06.block(`${n}日期 ${l.date} 不在批准的公出时间 ${trip.startDate} 至 ${trip.endDate} 内，不予报销`));
    if (overClass(l) && l.travel.permittedFareFen === undefined) out.push(TRAVEL04.block(`${n}${SEAT_CLASSES[l.travel.seatClass!]}超过规定等级，须填写规定等级票价（附依据），否则不予报销`));
    const component = { lodging: 'lodging', meal_allowance: 'board', city_transport: 'transport', ticket: null }[l.travel.type];
    if (component && arranged.has(component as 'board') && arrangedDates.has(l.date)) {
      out.push(TRAVEL05.block(`${n}：${l.date} 主办单位已统一安排${TRAVEL_LINE_TYPES[l.travel.type].replace('费', '')}，只报销在途期间的伙食补助费和市内交通费`));
    }
  });
  const over = f.lineNotes.filter((x) => x.note);
  if (over.length) out.push(TRAVEL03.warn(`以下明细超过标准，超出部分由个人承担：${over.map((x) => `第${x.index + 1}条 ${x.note}`).join('；')}`));
  return out;
}

/**
 * TRAVEL-09 / TRAVEL-10 (ORS 21, 22): the claim carries the 《出差人员用餐用车情况表》, and every
 * day the host arranged meals or vehicles needs the receipt of the fees paid to the host. Reading
 * (GAP-D-ORS12): one work meal per trip is exempt (parameter exemptWorkMeals, 0 = none).
 */
export function hostFees(form: Pick<ClaimFormValue, 'hostStatement' | 'vouchers'>): Verdict[] {
  const st = form.hostStatement;
  if (!st) return [TRAVEL09.block('差旅费报销须附《出差人员用餐用车情况表》（出发前填写：接待单位是否安排就餐、用车）')];
  const exempt = TRAVEL10.param('exemptWorkMeals') > 0 && st.workMealDay ? st.workMealDay : null;
  const mealDays = st.mealDays.filter((d) => d !== exempt);
  const days = [...new Set([...mealDays, ...st.vehicleDays])].sort();
  if (!days.length) return [];
  const receipts = form.vouchers.filter((v) => v.kind === 'host_fee_receipt');
  if (!receipts.length) return [TRAVEL10.block(`接待单位于 ${days.join('、')} 协助安排就餐或用车，须按标准交纳伙食费、交通费并附交纳凭证`, { days })];
  return [];
}

/** An outbound trip as TRAVEL-07/08 see it (the 公出审批单 with what submission derived). */
export interface OutboundTrip {
  purposeCategory?: string;
  destination: string;
  specialNeed?: string;
  /** A trip of the same section, destination and category approved within the repeat window. */
  repeatOf?: string | null;
  needsReception?: boolean;
  letter?: { hostUnit?: string; docNo?: string; content?: string; itinerary?: string; persons?: string | string[] } | null;
  /** The trip's travellers (applicant and companions): the letter must announce exactly them. */
  travellerNames?: string[];
}

/**
 * TRAVEL-07 / TRAVEL-08 on an outbound trip request (ORS 5, 6), for the 公出审批单: a study or
 * research trip needs a special need; a repeated inspection and a scenic destination warn; a trip
 * needing reception needs our 公函 — host, number, content, itinerary, and the travellers as persons.
 */
export function checkOutboundTrip(trip: OutboundTrip): Verdict[] {
  const out: Verdict[] = [];
  if ((trip.purposeCategory === 'exchange' || trip.purposeCategory === 'research') && !trip.specialNeed?.trim()) {
    out.push(TRAVEL07.warn('禁止异地部门间没有特别需要的一般性学习交流、考察调研：请说明特别需要'));
  }
  if (trip.repeatOf) out.push(TRAVEL07.warn(`本科室近期已赴同一目的地开展同类公务（${trip.repeatOf}），禁止重复性考察`));
  const scenic = (TRAVEL07.param('scenicWords') as string[]).find((w) => trip.destination.includes(w));
  if (scenic) out.push(TRAVEL07.warn(`目的地“${trip.destination}”属风景名胜区，禁止违反规定到风景名胜区举办会议和公务活动`));
  if (trip.needsReception) out.push(...checkLetter(trip));
  return out;
}

function checkLetter(trip: OutboundTrip): Verdict[] {
  const l = trip.letter;
  const persons = typeof l?.persons === 'string' ? (l.persons.trim() ? [l.persons] : []) : (l?.persons ?? []);
  const missing = [...(!l?.content?.trim() ? ['内容'] : []), ...(!l?.itinerary?.trim() ? ['行程'] : []), ...(!persons.length ? ['人员'] : [])];
  if (missing.length) return [TRAVEL08.block(`公务外出确需接待的，应向接待单位发出公函，告知内容、行程和人员；公函缺少：${missing.join('、')}`)];
  const out: Verdict[] = [];
  if (l && 'hostUnit' in l && !l.hostUnit?.trim()) out.push(TRAVEL08.block('请填写公函的接待单位'));
  if (l && 'docNo' in l && !l.docNo?.trim()) out.push(TRAVEL08.block('请填写公函文号（打印在公出审批单上）'));
  if (trip.travellerNames && Array.isArray(l?.persons)) {
    const absent = trip.travellerNames.filter((n) => !persons.includes(n));
    const extra = persons.filter((n) => !trip.travellerNames!.includes(n));
    if (absent.length || extra.length) {
      const parts = [...(absent.length ? [`未列公出人员 ${absent.join('、')}`] : []), ...(extra.length ? [`列有非公出人员 ${extra.join('、')}`] : [])];
      out.push(TRAVEL08.block(`公函所列人员应与公出人员一致：${parts.join('；')}`));
    }
  }
  return out;
}

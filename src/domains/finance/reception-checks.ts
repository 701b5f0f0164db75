import type { Verdict } from '../../kernel/rules';
import { yuan } from './categories';
import { EXCLUDED_PURPOSES, MEAL_TYPES, PURPOSE_CATEGORIES, VISITOR_CATEGORIES, type ClaimLineValue, type MealValue, type ReceptionFormValue } from './form';
import { RECEP02, RECEP05, RECEP06, RECEP07, RECEP08, RECEP11, RECEP12, RECEP14, RECEP15, RECEP16, RECEP17, RECEP18, RECEP19, RECEP21, RECEP24 } from './rules';

/** RECEP-16: 3 for up to 10 guests (以内 is inclusive), floor(G/3) above (CONF-60). */
export function maxAccompany(guests: number): number {
  return guests <= RECEP16.param('smallGroupMax') ? RECEP16.param('smallGroupAccompany') : Math.floor(guests / 3);
}

/** Rules on the approval report when it is submitted (RECEP-02, 07, 08 and the meal plan). */
export function checkReception(form: ReceptionFormValue): Verdict[] {
  const l = form.letter;
  const missing = !l ? ['公函'] : [
    ...(!l.issuer ? ['发函单位'] : []), ...(!l.docNo ? ['公函文号'] : []), ...(!l.fileRef ? ['公函扫描件'] : []),
    ...(!l.content ? ['内容'] : []), ...(!l.itinerary ? ['行程'] : []), ...(!l.persons ? ['人员'] : []),
  ];
  if (missing.length) return [RECEP07.block(`无公函的公务活动和来访人员一律不予接待：缺少${missing.join('、')}`)];
  if (EXCLUDED_PURPOSES.includes(form.purposeCategory)) {
    return [RECEP08.block(`${PURPOSE_CATEGORIES[form.purposeCategory]}属于非公务活动，不能纳入公务接待范围`)];
  }
  if (form.purposeCategory === 'other' && form.purpose.length < 4) return [RECEP02.block('“其他公务”须写明具体公务事由')];
  if (form.visitEnd < form.visitStart) return [RECEP02.block('来白时间的结束日期早于开始日期')];
  const scope = checkScope(form);
  if (scope.length) return scope;
  const plan = form.meals.filter((m) => m.type !== 'staff' && !m.venue)
    .map((m) => RECEP11.block(`接待方案须写明每次工作餐的标准、地点和方式：${m.date}${MEAL_TYPES[m.type]}未填写地点`));
  return [...plan, ...checkMeals(form.meals, form.guests, form.workMealReason ?? '')];
}

/**
 * RECEP-05 / RECEP-06. Reading: S5 (对口接待) is in scope, the receiving section being the
 * applicant's own section (the counterpart); S6 joint groups are received by us only when we lead.
 */
export function checkScope(form: Pick<ReceptionFormValue, 'visitorCategory' | 'weAreLeadUnit'>): Verdict[] {
  const c = form.visitorCategory;
  if (!c) return [RECEP05.block(`请选择接待对象类别（${Object.values(VISITOR_CATEGORIES).slice(0, 6).join('；')}）`)];
  if (c === 'out_of_scope') return [RECEP05.block('接待对象不属于公务接待范围（各级领导视察指导、工作组检查指导、其他市（州）扶贫办联系工作、县（市、区）扶贫办请示汇报），不予接待')];
  if (c === 's6' && !form.weAreLeadUnit) return [RECEP06.block('接待联合工作组以牵头单位为接待主体单位；本办不是牵头单位的，不得以本办名义接待和支付')];
  return [];
}

/**
 * The lines of a reception claim: what may never be paid as reception (RECEP-12, 14, 21, 24).
 * Reading: the software matches the configured keywords in each line's 摘要; a reviewer can
 * still refuse other lines. Keywords are parameters.
 */
export function checkReceptionLines(lines: Pick<ClaimLineValue, 'description'>[]): Verdict[] {
  const out: Verdict[] = [];
  const rules = [
    [RECEP12, '公务接待不得组织迎送活动、张贴悬挂标语横幅、献花、铺设迎宾地毯'],
    [RECEP14, '接待住宿不得额外配发洗漱用品'],
    [RECEP21, '接待费中不得列支应由接待对象承担的差旅、会议、培训等费用'],
    [RECEP24, '不得组织旅游、营业性娱乐健身活动、专场文艺演出，不得赠送礼金、有价证券、纪念品和土特产品'],
  ] as const;
  lines.forEach((l, i) => {
    for (const [rule, why] of rules) {
      // The four rules' params differ but all have bannedWords; one signature for the call.
      const hit = ((rule as typeof RECEP12).param('bannedWords') as string[]).find((w) => l.description.includes(w));
      if (hit) out.push(rule.block(`第${i + 1}条明细“${l.description}”含“${hit}”：${why}，不予报销`, { line: i, word: hit }));
    }
  });
  return out;
}

/** RECEP-11 at settlement: the actual hosted meal against the approved plan (type, place, standard). */
export function checkAgainstPlan(planned: MealValue[], actual: MealValue[]): Verdict[] {
  const out: Verdict[] = [];
  const plan = planned.filter((m) => m.type !== 'staff');
  for (const m of actual.filter((x) => x.type !== 'staff')) {
    const p = plan.find((x) => x.date === m.date) ?? plan[0];
    if (!p) { out.push(RECEP11.warn(`${m.date}${MEAL_TYPES[m.type]}不在批准的接待方案内`)); continue; }
    const diff = [...(p.type !== m.type ? [`方式（方案${MEAL_TYPES[p.type]}）`] : []), ...(p.venue && p.venue !== m.venue ? [`地点（方案${p.venue}）`] : []),
      ...(m.amountFen * Math.max(1, p.guests + p.accompanying) > p.amountFen * Math.max(1, m.guests + m.accompanying) ? ['人均标准高于方案'] : [])];
    if (diff.length) out.push(RECEP11.warn(`${m.date}${MEAL_TYPES[m.type]}与接待方案不符：${diff.join('、')}`));
  }
  return out;
}

/** RECEP-19: vehicles used against ceil((guests + accompanying) / seats). */
export function checkVehicles(vehicles: number | undefined, guests: number, accompanying: number): Verdict[] {
  if (vehicles === undefined) return [];
  const need = Math.ceil((guests + accompanying) / RECEP19.param('seatsPerVehicle'));
  return vehicles > need ? [RECEP19.warn(`接待对象${guests}人、陪同${accompanying}人，集中乘车约需${need}辆，实际使用${vehicles}辆，请严格控制随行车辆`, { vehicles, need })] : [];
}

/**
 * RECEP-15…18 on a list of meals (the plan, or what the reception list records). Money is
 * compared as totals in fen against standard × diners, never as a rounded per-person figure.
 * `workMealReason` null: not checked (the settlement, where the plan already gave it).
 */
export function checkMeals(meals: MealValue[], guests: number, workMealReason: string | null): Verdict[] {
  const out: Verdict[] = [];
  const hosted = meals.filter((m) => m.type !== 'staff');
  const max = RECEP15.param('workMealsMax');
  if (hosted.length > max) out.push(RECEP15.block(`每次接待只能安排${max}次工作餐（当前${hosted.length}次）`));
  if (hosted.length > 0 && workMealReason !== null && !workMealReason) out.push(RECEP15.block('安排工作餐须说明“确因工作需要”的理由'));
  for (const m of meals) {
    const label = `${m.date}${MEAL_TYPES[m.type]}`;
    if (m.type !== 'staff') {
      const g = m.guests || guests;
      const limit = maxAccompany(g);
      if (m.accompanying > limit) out.push(RECEP16.block(`接待对象${g}人，陪餐人数不得超过${limit}人（当前${m.accompanying}人）`, { guests: g, accompanying: m.accompanying, limit }));
    }
    if (m.type === 'table' && !m.tableReason) out.push(RECEP18.block(`${label}：工作餐原则上安排自助餐，安排桌餐须说明理由（人数过少或不具备自助餐条件）`));
    out.push(...standard(m, label, m.guests || guests));
  }
  return out;
}

function standard(m: MealValue, label: string, guests: number): Verdict[] {
  const diners = m.type === 'staff' ? m.staff : guests + m.accompanying;
  if (diners <= 0) return [RECEP17.block(`${label}：请填写用餐人数`)];
  const per = (fen: number) => yuan(Math.round(fen / diners));
  switch (m.type) {
    case 'buffet_breakfast':
    case 'buffet_lunch':
    case 'buffet_dinner': {
      // Buffet standards say nothing of drinks: they count in the amount (CONF-60).
      const cap = (m.type === 'buffet_breakfast' ? RECEP17.param('buffetBreakfastFen') : RECEP17.param('buffetLunchDinnerFen')) * diners;
      const total = m.amountFen + m.drinksFen;
      return total > cap ? [RECEP17.block(`${label}${diners}人${yuan(total)}，人均${per(total)}，超过标准${yuan(cap / diners)}/人`)] : [];
    }
    case 'table': {
      const cap = RECEP17.param('tableMealFen') * diners;
      return m.amountFen >= cap ? [RECEP17.block(`${label}${diners}人${yuan(m.amountFen)}（不含酒水），人均${per(m.amountFen)}，须低于${yuan(cap / diners)}/人`)] : [];
    }
    case 'staff': {
      const cap = RECEP17.param('staffMealFen') * diners;
      return m.amountFen > cap ? [RECEP17.block(`${label}${diners}人${yuan(m.amountFen)}（不含酒水），人均${per(m.amountFen)}，超过标准${yuan(cap / diners)}/人`)] : [];
    }
  }
}

import type { Verdict } from '../../kernel/rules';
import { yuan } from './categories';
import { EXCLUDED_PURPOSES, MEAL_TYPES, PURPOSE_CATEGORIES, type MealValue, type ReceptionFormValue } from './form';
import { RECEP02, RECEP07, RECEP08, RECEP15, RECEP16, RECEP17, RECEP18 } from './rules';

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
  return checkMeals(form.meals, form.guests, form.workMealReason ?? '');
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

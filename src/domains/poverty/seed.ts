import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context';
import { newId } from '../../kernel/ids';
import { fieldCipher } from './crypto';
import { makeIdNumber, maskAccount, maskIdNumber } from './idcard';
import { suggestLevel, povertyStandard, type Level } from './rules';
import { tailHash } from './search';

/**
 * The ledger sample of demo-office.md: 洮北区 with two townships, four villages, 40 households
 * and 120 persons, some registered poor, some exited, a few monitored at each colour.
 * Township and village names and all people are fictional; ID numbers pass GB 11643.
 */
export const DEMO_REGIONS = [
  { code: '220802', name: '洮北区', level: 'county', parent: null },
  { code: '220802100', name: '青山镇', level: 'township', parent: '220802' },
  { code: '220802200', name: '林海乡', level: 'township', parent: '220802' },
  { code: '220802100201', name: '青山村', level: 'village', parent: '220802100' },
  { code: '220802100202', name: '东岗村', level: 'village', parent: '220802100' },
  { code: '220802200201', name: '林海村', level: 'village', parent: '220802200' },
  { code: '220802200202', name: '西屯村', level: 'village', parent: '220802200' },
] as const;

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['建国', '淑芬', '立新', '桂兰', '志强', '秀英', '海军', '玉梅', '德胜', '春燕', '国庆', '丽华', '长青', '凤琴', '宝山', '晓东', '雪梅', '振华', '金花', '永福'];
const DEMO_YEAR = 2025;

/** Which of the 10 households of each village is what (index within the village). */
function profile(k: number): { status: 'none' | 'poor' | 'exited'; monitored?: 'UNSTABLE_EXITED' | 'MARGINAL'; kind?: 'red' | 'yellow' | 'blue' } {
  if (k === 0) return { status: 'exited', monitored: 'UNSTABLE_EXITED', kind: 'red' };
  if (k === 1) return { status: 'exited', monitored: 'UNSTABLE_EXITED', kind: 'yellow' };
  if (k === 2) return { status: 'exited', monitored: 'UNSTABLE_EXITED', kind: 'blue' };
  if (k === 3) return { status: 'none', monitored: 'MARGINAL', kind: 'blue' };
  if (k <= 6) return { status: 'exited' };
  if (k === 7) return { status: 'poor' };
  return { status: 'none' };
}

export async function seedPovertyDemo(ctx: Ctx): Promise<void> {
  const db = ctx.db;
  const cipher = fieldCipher();
  const now = ctx.clock.now().toISOString();
  for (const r of DEMO_REGIONS) {
    await db.execute(sql`insert into poverty_regions (code, name, level, parent_code) values (${r.code}, ${r.name}, ${r.level}, ${r.parent})`);
  }
  const villages = DEMO_REGIONS.filter((r) => r.level === 'village');
  const std = povertyStandard(DEMO_YEAR) ?? 400000;
  let n = 0;
  for (const [vi, v] of villages.entries()) {
    for (let k = 0; k < 10; k++, n++) {
      const p = profile(k);
      const hid = newId('hh');
      const surname = SURNAMES[n % SURNAMES.length];
      const members = [
        { name: surname + GIVEN[n % 20], relation: '户主', birth: `${1958 + (n % 20)}-0${1 + (n % 9)}-1${n % 10}`, sexSeq: 1 },
        { name: SURNAMES[(n + 7) % 20] + GIVEN[(n + 1) % 20], relation: '配偶', birth: `${1960 + (n % 20)}-1${n % 3}-0${1 + (n % 9)}`, sexSeq: 2 },
        { name: surname + GIVEN[(n + 5) % 20], relation: n % 2 ? '之子' : '之女', birth: `${1998 + (n % 10)}-0${1 + ((n + 3) % 9)}-2${n % 8}`, sexSeq: n % 2 ? 1 : 2 },
      ];
      const labour = p.kind === 'red' ? ['lost', 'lost', 'lost'] : p.kind === 'yellow' ? ['lost', 'none', 'lost'] : p.kind === 'blue' ? ['weak', 'lost', 'full'] : ['full', 'full', 'skilled'];
      // Red: 特困 with no labour; income high enough that only the red definition applies.
      const disposable = p.kind === 'red' ? 520000 : p.kind === 'yellow' ? 640000 : p.kind === 'blue' ? 700000 + vi * 10000 : 900000 + k * 20000;
      const bank = `6217${String(22080200000 + n).padStart(11, '0')}9`;
      await db.execute(sql`insert into poverty_households (id, code, village_code, township_code, county_code, householder_name, registered_status, exit_year,
        extreme_poor, net_income_per_head_fen, disposable_income_per_head_fen, income_year, rigid_expenditure_fen, last_year_income_fen, income_only_transfers,
        education_secured, medical_secured, housing_secured, water_secured, bank_account_enc, bank_account_masked, member_count, created_at)
        values (${hid}, ${`${v.code}${String(k + 1).padStart(3, '0')}`}, ${v.code}, ${v.parent}, '220802', ${members[0].name}, ${p.status},
          ${p.status === 'exited' ? 2016 + (n % 4) : null}, ${p.kind === 'red'}, ${disposable - 50000}, ${disposable}, ${DEMO_YEAR}, ${p.kind === 'blue' ? 300000 : 0},
          ${disposable * 3}, ${p.kind === 'yellow'}, true, true, true, true, ${cipher.encrypt(bank)}, ${maskAccount(bank)}, 3, ${now})`);
      for (const [mi, m] of members.entries()) {
        const seq = (n * 3 + mi) * 2 + (m.sexSeq === 1 ? 1 : 0);
        const id = makeIdNumber('220802', m.birth, seq % 1000);
        await db.execute(sql`insert into poverty_persons (id, household_id, name, id_enc, id_hash, id_masked, id_tail_hash, birth_date, sex, relation, labour_capacity, created_at)
          values (${newId('ps')}, ${hid}, ${m.name}, ${cipher.encrypt(id)}, ${cipher.lookupHash(id)}, ${maskIdNumber(id)}, ${tailHash(id, cipher)}, ${m.birth},
            ${Number(id[16]) % 2 ? 'M' : 'F'}, ${m.relation}, ${labour[mi]}, ${now})`);
      }
      if (p.monitored) {
        const working = labour.filter((l) => ['full', 'skilled', 'weak'].includes(l)).length;
        const s = suggestLevel({
          extremePoor: p.kind === 'red', workingMembers: working, lostMembers: labour.filter((l) => l === 'lost').length,
          disposableIncomePerHeadFen: disposable, standardFen: std, educationSecured: true, medicalSecured: true, housingSecured: true, waterSecured: true, incomeOnlyTransfers: p.kind === 'yellow',
        });
        const level: Level = s.level;
        const mid = newId('mon');
        const criteria = p.kind === 'blue' ? { C2: { cause: 'ILLNESS', rigidExpenditureFen: 300000, previousYearIncomeFen: 250000 } } : { C4: { eventType: '家庭主要劳动力重病', eventDate: '2025-06-01' } };
        await db.execute(sql`insert into poverty_monitoring (id, household_id, category, status, channel, criteria, level, level_reason, suggested_level, suggested_rule, proposed_at, included_on)
          values (${mid}, ${hid}, ${p.monitored}, 'monitored', 'HOUSEHOLD_VISIT', ${JSON.stringify(criteria)}::jsonb, ${level}, ${s.reason}, ${level}, ${s.ruleId}, ${now}, '2025-07-15')`);
        await db.execute(sql`insert into poverty_monitoring_events (id, monitoring_id, kind, body, actor_name, detail, at)
          values (${newId('mev')}, ${mid}, 'confirm', '县扶贫办', '演示数据', ${JSON.stringify({ level, note: '演示数据' })}::jsonb, ${now})`);
        await db.execute(sql`insert into poverty_level_changes (id, monitoring_id, kind, to_level, rule_id, reason, at)
          values (${newId('lvc')}, ${mid}, 'confirmed', ${level}, ${s.ruleId}, ${s.reason}, ${now})`);
      }
    }
  }
}

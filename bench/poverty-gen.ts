/**
 * Synthetic household register for the poverty benchmarks (no real personal data):
 * `npx tsx bench/poverty-gen.ts <rows> <file.csv> [<sector.csv>]` writes one householder row
 * per household with a GB 11643-valid fictional ID number, in 10 counties × 10 townships ×
 * 10 villages, and optionally a medical-insurance sector file of the same size (every row
 * matches a person; 1% carry a large out-of-pocket cost that meets the C2 criterion).
 */
import fs from 'node:fs';
import { once } from 'node:events';
import { checkChar } from '../src/domains/poverty/idcard';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕';
const GIVEN = '建国淑芬立新桂兰志强秀英海军玉梅德胜春燕国庆丽华长青凤琴宝山晓东雪梅振华金花永福明亮红霞文博';
const RARE = ['欧阳', '司马', '上官', '诸葛'];

export const BENCH_COUNTIES = Array.from({ length: 10 }, (_, i) => `2208${String(10 + i).padStart(2, '0')}`);
export function benchRegions(): { code: string; name: string; level: string; parent: string | null }[] {
  const out: { code: string; name: string; level: string; parent: string | null }[] = [];
  for (const [ci, c] of BENCH_COUNTIES.entries()) {
    out.push({ code: c, name: `测试${ci + 1}县`, level: 'county', parent: null });
    for (let t = 0; t < 10; t++) {
      const tc = `${c}1${String(t).padStart(2, '0')}`;
      out.push({ code: tc, name: `${SURNAMES[t]}家${t + 1}镇`, level: 'township', parent: c });
      for (let v = 0; v < 10; v++) out.push({ code: `${tc}2${String(v).padStart(2, '0')}`, name: `${GIVEN.slice(v * 2, v * 2 + 2)}${t}${v}村`, level: 'village', parent: tc });
    }
  }
  return out;
}

/** The i-th synthetic person: unique for i < 200,000,000. */
export function person(i: number): { id: string; name: string; village: string; code: string } {
  const county = BENCH_COUNTIES[i % 10];
  const dayIdx = Math.floor(i / 10) % 20000;
  const seq = Math.floor(i / 200000) % 1000;
  const birth = new Date(Date.UTC(1950, 0, 1) + dayIdx * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `${county}${birth}${String(seq).padStart(3, '0')}`;
  const g = (i * 7919) % 17;
  const name = i % 1000 === 7 ? `${RARE[i % 4]}${GIVEN.slice(g * 2, g * 2 + 2)}` : `${SURNAMES[(i * 31) % SURNAMES.length]}${GIVEN.slice(g * 2, g * 2 + 2)}`;
  const village = `${county}1${String(Math.floor(i / 10) % 10).padStart(2, '0')}2${String(Math.floor(i / 100) % 10).padStart(2, '0')}`;
  return { id: first17 + checkChar(first17), name, village, code: `B${String(i).padStart(9, '0')}` };
}

export const REGISTER_HEADER = '户编号,村代码,姓名,证件号码,与户主关系,户类型,劳动技能,脱贫年度,人均可支配收入,收入年度,上年收入,饮水安全,一卡通账号';

async function write(file: string, n: number, line: (i: number) => string, header: string) {
  const out = fs.createWriteStream(file);
  out.write(header + '\n');
  let buf = '';
  for (let i = 0; i < n; i++) {
    buf += line(i) + '\n';
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

export async function generate(n: number, registerFile: string, sectorFile?: string): Promise<void> {
  await write(registerFile, n, (i) => {
    const p = person(i);
    const status = i % 3 === 0 ? '一般户' : '脱贫户';
    const labour = ['普通劳动力', '技能劳动力', '弱劳动力或半劳动力', '丧失劳动力'][i % 4];
    const income = 5000 + ((i * 37) % 6000);
    return `${p.code},${p.village},${p.name},${p.id},户主,${status},${labour},${status === '脱贫户' ? 2016 + (i % 5) : ''},${income}.00,2025,20000,${i % 50 === 0 ? '否' : '是'},6217${String(i).padStart(12, '0')}`;
  }, REGISTER_HEADER);
  if (sectorFile) {
    await write(sectorFile, n, (i) => {
      const p = person(i);
      return `${p.name},${p.id},住院,2026-10-${String(1 + (i % 28)).padStart(2, '0')},${i % 100 === 5 ? '30000.00' : '120.00'},测试医院`;
    }, '姓名,证件号码,事项,日期,金额,说明');
  }
}

if (process.argv[1]?.endsWith('poverty-gen.ts')) {
  const [n, reg, sec] = process.argv.slice(2);
  if (!n || !reg) {
    console.error('usage: npx tsx bench/poverty-gen.ts <rows> <register.csv> [<sector.csv>]');
    process.exit(1);
  }
  await generate(Number(n), reg, sec);
  console.log(`wrote ${n} households to ${reg}${sec ? ` and ${n} sector rows to ${sec}` : ''}`);
}

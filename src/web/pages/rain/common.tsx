import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { api } from '../../lib/api';

/** Shared bits of the 雨露计划 pages: semesters, labels, regions. */
export const COUNTY_DEFAULT = '220802';

function shanghaiToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
export function semesterOfDate(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  if (m >= 9) return `${y}-autumn`;
  if (m === 1) return `${y - 1}-autumn`;
  return `${y}-spring`;
}
export const currentSemester = () => semesterOfDate(shanghaiToday());
export function semesterLabel(key: string): string {
  const [y, s] = key.split('-');
  return `${y}年${s === 'spring' ? '春季' : '秋季'}学期`;
}
export function recentSemesters(n = 8): string[] {
  const cur = currentSemester();
  let y = Number(cur.slice(0, 4));
  let s = cur.endsWith('autumn') ? 1 : 0;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(`${y}-${s ? 'autumn' : 'spring'}`);
    if (s) s = 0;
    else {
      s = 1;
      y -= 1;
    }
  }
  return out;
}
export const currentHalf = () => {
  const d = shanghaiToday();
  return `${d.slice(0, 4)}-${Number(d.slice(5, 7)) <= 6 ? 'H1' : 'H2'}`;
};
export const today = shanghaiToday;

export function SemesterSelect({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return <Select data-testid="semester-select" style={{ width: 160 }} value={value} onChange={onChange} options={recentSemesters().map((s) => ({ value: s, label: semesterLabel(s) }))} />;
}

export interface Region { code: string; name: string; level: string; parentCode: string | null }
export function useRegions(): Region[] {
  const [regions, setRegions] = useState<Region[]>([]);
  useEffect(() => {
    api.get<{ items: Region[] }>('/rain/regions').then((r) => setRegions(r.items), () => undefined);
  }, []);
  return regions;
}
export function RegionSelect({ regions, value, onChange, levels = ['county', 'township', 'village'], placeholder = '县/乡镇/村', allowClear = true, testId }: { regions: Region[]; value?: string; onChange: (v: string) => void; levels?: string[]; placeholder?: string; allowClear?: boolean; testId?: string }) {
  const indent: Record<string, string> = { county: '', township: '　', village: '　　' };
  return (
    <Select data-testid={testId} allowClear={allowClear} placeholder={placeholder} style={{ width: 200 }} value={value} onChange={onChange}
      options={regions.filter((r) => levels.includes(r.level)).map((r) => ({ value: r.code, label: `${indent[r.level] ?? ''}${r.name}` }))} />
  );
}

export const SCHOOL_TYPE: Record<string, string> = {
  FULLTIME_REGULAR_SECONDARY_SPECIALISED: '全日制普通中专', ADULT_SECONDARY_SPECIALISED: '成人中专', VOCATIONAL_HIGH_SCHOOL: '职业高中', TECHNICAL_SCHOOL: '技工学校',
  FULLTIME_REGULAR_JUNIOR_COLLEGE: '全日制普通大专', HIGHER_VOCATIONAL_COLLEGE: '高职院校', TECHNICIAN_COLLEGE: '技师学院', OTHER_HIGHER_VOCATIONAL: '其他高等职业教育',
  GENERAL_HIGH_SCHOOL: '普通高中', UNDERGRADUATE: '普通本科', OTHER_NON_VOCATIONAL: '其他非职业教育',
};
export const ENROLMENT: Record<string, string> = { IN_SCHOOL: '在校', POST_INTERNSHIP: '顶岗实习', GRADUATED: '已毕业', DROPPED_OUT: '退学', OUT_OF_SCHOOL: '失学' };
export const ELIGIBILITY: Record<string, { label: string; color: string }> = {
  eligible: { label: '符合', color: 'green' },
  ineligible: { label: '不符合', color: 'red' },
  needs_decision: { label: '待领导小组决定', color: 'orange' },
};
export const DET_STATUS: Record<string, string> = { proposed: '待公示', publicised: '公示中', confirmed: '已确认', paid: '已发放', cancelled: '已取消' };
export const BATCH_STATUS: Record<string, string> = { draft: '待提交', submitted: '已提交财政局', paid: '已发放' };
export const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 }));
export const qs = (o: Record<string, unknown>) => new URLSearchParams(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => [k, String(v)])).toString();

/** PUT a file as the raw body; returns the JSON answer or throws the server's Chinese message. */
export async function putFile<T>(url: string, file: File | Blob, type: string): Promise<T> {
  const res = await fetch(`/api/v1${url}`, { method: 'PUT', credentials: 'same-origin', headers: { 'content-type': type }, body: file });
  const text = await res.text();
  const body = text ? JSON.parse(text) : {};
  if (!res.ok) {
    const { ApiError } = await import('../../lib/api');
    throw new ApiError(res.status, body.error?.code ?? 'HTTP', body.error?.message ?? '上传失败', body.error?.rule, body.error?.details);
  }
  return body as T;
}

/** Chinese labels shared by the poverty pages. */
export const LEVEL: Record<string, { label: string; color: string }> = {
  RED: { label: '红色预警', color: 'red' },
  YELLOW: { label: '黄色预警', color: 'gold' },
  BLUE: { label: '蓝色预警', color: 'blue' },
};
export const STATUS: Record<string, string> = { none: '一般户', poor: '未脱贫户', exited: '脱贫户' };
export const LABOUR: Record<string, string> = { full: '普通劳动力', skilled: '技能劳动力', weak: '弱劳动力或半劳动力', lost: '丧失劳动力', none: '无劳动力' };
export const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 }));

export interface HouseholdRow {
  id: string;
  code: string;
  villageName: string;
  townshipName: string;
  householderName: string;
  householderIdMasked: string | null;
  registeredStatus: string;
  exitYear: number | null;
  memberCount: number;
  disposableIncomePerHeadFen: number | null;
  monitoringId: string | null;
  monitoringStatus: string | null;
  level: string | null;
  suggestedLevel: string | null;
  suggestedRule: string | null;
}

export interface Job {
  id: string;
  status: string;
  fileName: string | null;
  total: number;
  processed: number;
  accepted: number;
  rejected: number;
  changed: number;
  bytesRead: number;
  bytesTotal: number | null;
  message: string | null;
}

/** Query string of the non-empty filter values. */
export function qs(f: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') p.set(k, String(v));
  return p.toString();
}

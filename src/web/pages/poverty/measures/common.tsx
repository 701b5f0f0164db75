import { useEffect, useState } from 'react';
import { App, type ButtonProps } from 'antd';
import { api, ApiError } from '../../../lib/api';
import type { HouseholdRow } from '../labels';

/** Chinese labels of the measure pages (MON-18…MON-23). */
export const TYPE_LABEL: Record<string, string> = {
  INDUSTRY: '产业帮扶', EMPLOYMENT: '就业帮扶', PUBLIC_WELFARE_POST: '公益岗位', RURAL_PROJECT_PARTICIPATION: '参与农村项目建设',
  SECTOR_POLICY_FOR_GUARANTEES: '行业部门落实“两不愁三保障”政策', STABLE_SUBSIDY_CHECK: '稳定补贴收入摸排', SOCIAL_SECURITY: '综合性社会保障',
  HEALTH_DISABILITY_DISASTER_POLICY: '健康扶贫、残疾人和灾害扶持政策', TEMPORARY_ASSISTANCE: '临时救助', INCENTIVE: '物质奖励和精神激励',
  SUPPORT_OBLIGATION: '赡养义务落实', MAJOR_DISASTER_RELIEF: '重大变故救助', INSURANCE_PURCHASE: '购买保险', SOCIAL_RESOURCES: '社会帮扶资源',
};
export const HAZARD: Record<string, string> = { COMPULSORY_EDUCATION: '义务教育', BASIC_MEDICAL: '基本医疗', HOUSING_SAFETY: '住房安全', DRINKING_WATER: '饮水安全' };
export const MEASURE_STATUS: Record<string, { label: string; color: string }> = {
  active: { label: '实施中', color: 'blue' }, done: { label: '已办结', color: 'green' }, stopped: { label: '已停止', color: 'default' },
  open: { label: '待落实', color: 'orange' }, measure_recorded: { label: '已落实措施', color: 'blue' }, resolved: { label: '问题已解决', color: 'green' },
};
export const SUPPORT_STEP: Record<string, string> = { publicity: '宣传赡养义务', refusal: '拒不履行', agreement: '三方赡养协议', litigation: '公益诉讼', mobile_court: '流动法庭' };
export const RELIEF: Record<string, string> = { civil_affairs: '民政救助', donation: '社会捐助', paired_department: '包保部门帮助', relatives: '亲友帮助', one_case: '“一事一议”专项救助' };
export const SUBSIDY_STATE: Record<string, string> = { paid: '已发放', not_paid: '未发放', not_applicable: '不适用' };
export const SOCIAL_ITEMS = ['农村低保', '医疗保险', '养老保险', '特困人员救助供养', '临时救助'];
export const STABLE_SUBSIDIES = ['抚恤金', '特困供养金', '最低生活保障金', '养老金', '贫困老年人补贴', '残疾人补贴', '高龄补贴', '退耕还林补偿', '公益林补偿', '农业保护补贴', '计生奖励扶助金'];
export const SECTORS = ['住建', '卫健', '医保', '教育', '水利', '民政', '农业农村', '应急管理', '残联'];
export const options = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));
export const list = (a: string[]) => a.map((v) => ({ value: v, label: v }));

interface Warn { ruleId: string; message: string }

/**
 * Run a command; when the server answers RULE_WARNING, show the warnings with their rules and
 * run it again with them acknowledged once the user agrees.
 */
export function useAckRunner() {
  const { modal } = App.useApp();
  return async function run<T>(call: (acknowledged?: string[]) => Promise<T>): Promise<T | undefined> {
    try {
      return await call();
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 'RULE_WARNING') throw e;
      const warnings = (e.details as { warnings?: Warn[] } | undefined)?.warnings ?? [];
      const ok = await modal.confirm({
        title: '请确认以下提示后继续',
        content: <div data-testid="ack-warnings">{warnings.map((w) => <p key={w.ruleId}>{w.message}（{w.ruleId}）</p>)}</div>,
        okText: '已知悉，继续',
        cancelText: '取消',
        okButtonProps: { 'data-testid': 'ack-ok' } as ButtonProps,
      });
      return ok ? call(warnings.map((w) => w.ruleId)) : undefined;
    }
  };
}

/** Monitored households in the actor's scope, for pickers. */
export function useMonitored(tick = 0): HouseholdRow[] {
  const [items, setItems] = useState<HouseholdRow[]>([]);
  useEffect(() => {
    api.get<{ items: HouseholdRow[] }>('/poverty/households?monitored=true&pageSize=200').then((r) => setItems(r.items), () => setItems([]));
  }, [tick]);
  return items;
}

export const householdLabel = (h: { villageName: string; householderName: string; code: string }) => `${h.villageName} ${h.householderName}（${h.code}）`;

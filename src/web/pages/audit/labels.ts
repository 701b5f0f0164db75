/**
 * Chinese names of audit events and outcomes, for the 审计日志 and 工作台 pages. Areas emit
 * dotted event codes; an unknown code is shown as is, a known prefix names its area.
 */
const EVENTS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.lockout': '账号锁定',
  'auth.session.timeout': '会话超时',
  'auth.password.change': '修改密码',
  'account.create': '新建账号',
  'account.enable': '启用账号',
  'account.disable': '停用账号',
  'account.unlock': '解锁账号',
  'account.password.reset': '重置密码',
  'account.roles.set': '设置账号角色',
  'account.person.link': '账号关联人员',
  'role.create': '新建角色',
  'role.update': '修改角色',
  'role.delete': '删除角色',
  'role.permissions.set': '设置角色权限',
  'security.policy.update': '修改安全策略',
  'access.denied': '越权访问被拒绝',
  'audit.read': '查询审计日志',
  'audit.export': '导出审计日志',
  'audit.verify': '校验审计日志完整性',
  'calendar.year.create': '新建日历年度',
  'calendar.year.update': '修改日历年度',
  'calendar.year.submit': '提交日历年度审核',
  'calendar.year.return': '退回日历年度',
  'calendar.year.publish': '发布日历年度',
  'calendar.year.delete': '删除日历年度',
  'calendar.year.seed': '载入日历年度',
  'calendar.day.update': '调整日历日期',
  'calendar.day.remove': '删除日历日期',
  'org.unit.create': '新建机构',
  'org.unit.update': '修改机构',
  'org.person.create': '新增人员',
  'org.person.update': '修改人员',
  'org.post.assign': '任职',
  'org.post.update': '修改任职',
  'org.leadership.assign': '明确分管',
  'org.leadership.end': '结束分管',
  'org.acting.create': '指定代理',
  'org.acting.end': '结束代理',
};

const AREAS: Record<string, string> = {
  auth: '登录与会话',
  account: '账号',
  role: '角色权限',
  security: '安全策略',
  access: '访问控制',
  audit: '审计',
  calendar: '工作日历',
  org: '组织机构',
  flow: '审批流程',
};

/** The event's Chinese name, or for a code not listed here the name of its area (or the code). */
export function eventLabel(code: string): string {
  return EVENTS[code] ?? AREAS[code.split('.')[0] ?? ''] ?? code;
}

export const isKnownEvent = (code: string): boolean => code in EVENTS;

export const OUTCOMES: Record<string, { label: string; color: string }> = {
  success: { label: '成功', color: 'green' },
  failure: { label: '失败', color: 'red' },
  denied: { label: '拒绝', color: 'orange' },
};

/**
 * The demo office of ../shared/spec/demo-office.md, as data. All names are fictional.
 * Person ids are readable (`psn_<username>`) so tests and logs speak of the same people.
 * The org module seeds units, people, posts and the leadership division from this file;
 * the identity module seeds one account per person and the three administrators.
 */
export interface DemoUnit {
  code: string;
  name: string;
  kind: 'office' | 'section' | 'center';
}

export interface DemoPerson {
  username: string;
  name: string;
  unit: string | null;
  /** principal | deputy | section | general: the rank band the regulations route by. */
  grade: 'principal' | 'deputy' | 'section' | 'general';
  /** Post codes held (see org post catalogue). */
  posts: string[];
  /** Built-in roles of the person's account (src/kernel/access/grants.ts). */
  roles: string[];
  /** 参加工作时间 (annual leave counts years of work from it). */
  workStart: string;
}

export const DEMO_OFFICE = { name: '白城市扶贫开发办公室', docPrefix: '白扶办', partyDocPrefix: '白扶党组' };

export const DEMO_UNITS: DemoUnit[] = [
  { code: 'office', name: '白城市扶贫开发办公室', kind: 'office' },
  { code: 'zonghe', name: '综合科', kind: 'section' },
  { code: 'ducha', name: '督查科', kind: 'section' },
  { code: 'xinxi', name: '信息宣传科', kind: 'section' },
  { code: 'guihua', name: '规划项目科', kind: 'section' },
  { code: 'shehui', name: '社会扶贫科', kind: 'section' },
  { code: 'center', name: '扶贫开发服务中心', kind: 'center' },
];

const leader = (username: string, name: string, posts: string[], workStart: string, grade: DemoPerson['grade'] = 'deputy'): DemoPerson => ({
  username,
  name,
  unit: 'office',
  grade,
  posts,
  roles: ['staff', 'leader'],
  workStart,
});

export const DEMO_PEOPLE: DemoPerson[] = [
  leader('chenzhiyuan', '陈志远', ['director', 'party_secretary'], '1995-07-01', 'principal'),
  leader('liminghua', '李明华', ['deputy_director', 'party_member'], '1998-08-01'),
  leader('zhaoguoqiang', '赵国强', ['deputy_director', 'party_member'], '1999-07-01'),
  leader('sunli', '孙丽', ['deputy_director', 'party_member'], '2001-07-01'),
  leader('wuhai', '吴海', ['researcher_2', 'party_member'], '1994-09-01'),
  { username: 'zhengxiaoyan', name: '郑晓燕', unit: 'center', grade: 'deputy', posts: ['center_director', 'party_member'], roles: ['staff', 'leader', 'section_chief'], workStart: '2003-07-01' },
  leader('hejianjun', '何建军', ['researcher_3', 'party_member'], '1993-08-01'),
  { username: 'zhouwenbin', name: '周文斌', unit: 'office', grade: 'deputy', posts: ['discipline_leader'], roles: ['staff', 'inspector'], workStart: '1996-07-01' },
  { username: 'liuyang', name: '刘洋', unit: 'zonghe', grade: 'section', posts: ['section_chief'], roles: ['staff', 'section_chief', 'hub'], workStart: '2005-07-01' },
  { username: 'mali', name: '马丽', unit: 'zonghe', grade: 'section', posts: ['deputy_section_chief', 'finance_head'], roles: ['staff', 'hub'], workStart: '2008-07-01' },
  { username: 'huangjing', name: '黄静', unit: 'zonghe', grade: 'general', posts: ['staff_member', 'clerk'], roles: ['staff', 'hub'], workStart: '2015-08-01' },
  { username: 'linfeng', name: '林峰', unit: 'zonghe', grade: 'general', posts: ['staff_member', 'seal_keeper'], roles: ['staff', 'hub'], workStart: '2012-07-01' },
  { username: 'gaowei', name: '高伟', unit: 'zonghe', grade: 'general', posts: ['staff_member', 'vehicle_manager', 'driver'], roles: ['staff'], workStart: '2010-03-01' },
  { username: 'zhutao', name: '朱涛', unit: 'ducha', grade: 'section', posts: ['section_chief'], roles: ['staff', 'section_chief'], workStart: '2006-07-01' },
  { username: 'xunuo', name: '许诺', unit: 'ducha', grade: 'general', posts: ['staff_member'], roles: ['staff'], workStart: '2018-08-01' },
  { username: 'luomin', name: '罗敏', unit: 'xinxi', grade: 'section', posts: ['section_chief'], roles: ['staff', 'section_chief'], workStart: '2007-07-01' },
  { username: 'xiechen', name: '谢晨', unit: 'xinxi', grade: 'general', posts: ['staff_member', 'new_media_admin'], roles: ['staff'], workStart: '2019-07-01' },
  { username: 'hanbing', name: '韩冰', unit: 'guihua', grade: 'section', posts: ['section_chief'], roles: ['staff', 'section_chief'], workStart: '2009-07-01' },
  { username: 'tangning', name: '唐宁', unit: 'guihua', grade: 'general', posts: ['staff_member'], roles: ['staff'], workStart: '2021-08-01' },
  { username: 'fenglei', name: '冯磊', unit: 'shehui', grade: 'section', posts: ['section_chief'], roles: ['staff', 'section_chief'], workStart: '2008-09-01' },
  { username: 'dongxue', name: '董雪', unit: 'shehui', grade: 'general', posts: ['staff_member'], roles: ['staff'], workStart: '2020-07-01' },
  { username: 'xiaoran', name: '萧然', unit: 'center', grade: 'general', posts: ['staff_member'], roles: ['staff'], workStart: '2017-07-01' },
  { username: 'chengyuan', name: '程远', unit: 'center', grade: 'general', posts: ['staff_member'], roles: ['staff'], workStart: '2022-08-01' },
];

/** The three administrators (三员分立): accounts without business roles. */
export const DEMO_ADMINS = [
  { username: 'weiqiang', name: '韦强', role: 'sysadmin' },
  { username: 'qiumin', name: '邱敏', role: 'secadmin' },
  { username: 'pengying', name: '彭颖', role: 'auditadmin' },
] as const;

/** 分管: the lawful leadership division of the demo office. */
export const DEMO_LEADERSHIP: { leader: string; units?: string[]; areas?: string[] }[] = [
  { leader: 'liminghua', units: ['zonghe', 'xinxi'], areas: ['finance_approval', 'personnel'] },
  { leader: 'zhaoguoqiang', units: ['guihua', 'center'], areas: ['construction', 'admin_approval'] },
  { leader: 'sunli', units: ['ducha', 'shehui'], areas: ['procurement'] },
];

export const demoPersonId = (username: string) => `psn_${username}`;
export const demoUnitId = (code: string) => `unit_${code}`;

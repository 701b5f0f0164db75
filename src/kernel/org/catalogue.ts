/**
 * What every office starts with (seedBase): the post catalogue, the areas a leader can be in
 * charge of, and the collective bodies. Codes are stable; other areas of the product and
 * src/demo/office.ts refer to them.
 */
export type PostCategory = 'leader' | 'party' | 'section' | 'staff' | 'duty';

export interface PostDef {
  code: string;
  name: string;
  category: PostCategory;
  principal?: boolean;
}

export const POSTS: PostDef[] = [
  { code: 'director', name: '主任', category: 'leader', principal: true },
  { code: 'deputy_director', name: '副主任', category: 'leader' },
  { code: 'researcher_2', name: '二级调研员', category: 'leader' },
  { code: 'researcher_3', name: '三级调研员', category: 'leader' },
  { code: 'center_director', name: '扶贫开发服务中心主任', category: 'leader' },
  { code: 'party_secretary', name: '党组书记', category: 'party', principal: true },
  { code: 'party_member', name: '党组成员', category: 'party' },
  { code: 'discipline_leader', name: '派驻纪检监察组组长', category: 'party' },
  { code: 'section_chief', name: '科长', category: 'section' },
  { code: 'deputy_section_chief', name: '副科长', category: 'section' },
  { code: 'staff_member', name: '科员', category: 'staff' },
  { code: 'clerk', name: '文书', category: 'duty' },
  { code: 'seal_keeper', name: '印章管理员', category: 'duty' },
  { code: 'finance_head', name: '财务负责人', category: 'duty' },
  { code: 'accountant', name: '会计', category: 'duty' },
  { code: 'cashier', name: '出纳', category: 'duty' },
  { code: 'vehicle_manager', name: '车辆管理员', category: 'duty' },
  { code: 'driver', name: '驾驶员', category: 'duty' },
  { code: 'new_media_admin', name: '政务新媒体管理员', category: 'duty' },
  { code: 'it_admin', name: '微机管理人员', category: 'duty' },
];

/** Posts that sit on the leadership team (班子成员) and may be put in charge of units and areas. */
export const LEADER_CATEGORY: PostCategory = 'leader';

/** The head post of each kind of unit (WR-04: 各科室及扶贫开发服务中心主要负责人). */
export const HEAD_POST_BY_KIND: Record<'office' | 'section' | 'center', string> = {
  office: 'director',
  section: 'section_chief',
  center: 'center_director',
};

export interface AreaDef {
  code: string;
  name: string;
  restricted: boolean;
}

/**
 * The five areas of 五不直接分管 第一条 (人事、财务、工程项目建设、物资采购、行政审批). 财务 is
 * recorded as 财务审批: 第二条（二） puts one leader in charge of the approval of expenditure.
 */
export const AREAS: AreaDef[] = [
  { code: 'personnel', name: '人事', restricted: true },
  { code: 'finance_approval', name: '财务审批', restricted: true },
  { code: 'construction', name: '工程项目建设', restricted: true },
  { code: 'procurement', name: '物资采购', restricted: true },
  { code: 'admin_approval', name: '行政审批', restricted: true },
];

export const RESTRICTED_AREA_CODES = AREAS.filter((a) => a.restricted).map((a) => a.code);

export type Seat = 'chair' | 'member' | 'attendee' | 'invited';

export interface BodyDef {
  code: string;
  name: string;
  seats: { postCode: string; seat: Seat }[];
}

/**
 * 党组: 书记 chairs, 党组成员 vote, the 纪检监察组长 is invited (FLOW-04).
 * 主任办公会议: 主任 chairs, 副主任 vote (班子成员); the 综合科科长 attends without a vote, a
 * seat tied to a unit and therefore seeded with the office's units (demo: seedDemo).
 */
export const BODIES: BodyDef[] = [
  {
    code: 'party_group',
    name: '党组',
    seats: [
      { postCode: 'party_secretary', seat: 'chair' },
      { postCode: 'party_member', seat: 'member' },
      { postCode: 'discipline_leader', seat: 'invited' },
    ],
  },
  {
    code: 'director_meeting',
    name: '主任办公会议',
    seats: [
      { postCode: 'director', seat: 'chair' },
      { postCode: 'deputy_director', seat: 'member' },
    ],
  },
];

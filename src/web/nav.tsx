import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import {
  AccountBookOutlined,
  AuditOutlined,
  ApartmentOutlined,
  BookOutlined,
  CarOutlined,
  FieldTimeOutlined,
  ScheduleOutlined,
  CalendarOutlined,
  DesktopOutlined,
  FileTextOutlined,
  SafetyOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';

/**
 * The pages of the app. Each area adds its pages here; `permission` hides the menu entry
 * and guards the route for accounts without it (the server checks again on every call).
 */
export interface PageDef {
  path: string;
  label: string;
  group: string;
  icon?: ReactNode;
  permission?: string;
  /** Hidden from the menu (detail pages). */
  hidden?: boolean;
  element: LazyExoticComponent<ComponentType>;
}

export const groups = ['工作台', '会议决策', '人事考勤', '公文', '财务与接待', '防返贫监测', '雨露计划', '机构与制度', '系统管理'];

export const pages: PageDef[] = [
  { path: '/', label: '工作台', group: '工作台', icon: <DesktopOutlined />, element: lazy(() => import('./pages/Workbench')) },
  { path: '/personnel/leave/new', label: '请假申请', group: '人事考勤', icon: <ScheduleOutlined />, permission: 'personnel.leave', element: lazy(() => import('./pages/personnel/LeaveApplyPage')) },
  { path: '/personnel/my-leave', label: '我的假期', group: '人事考勤', icon: <ScheduleOutlined />, permission: 'personnel.leave', element: lazy(() => import('./pages/personnel/MyLeavePage')) },
  { path: '/personnel/trips', label: '公出申请', group: '人事考勤', icon: <CarOutlined />, permission: 'personnel.leave', element: lazy(() => import('./pages/personnel/TripApplyPage')) },
  { path: '/personnel/attendance', label: '考勤统计', group: '人事考勤', icon: <FieldTimeOutlined />, permission: 'personnel.attendance', element: lazy(() => import('./pages/personnel/AttendancePage')) },
  { path: '/personnel/departures', label: '离白外出报告', group: '人事考勤', icon: <CarOutlined />, permission: 'personnel.leave', element: lazy(() => import('./pages/personnel/DeparturesPage')) },
  { path: '/personnel/probations', label: '试用期管理', group: '人事考勤', icon: <FieldTimeOutlined />, permission: 'personnel.attendance', element: lazy(() => import('./pages/personnel/ProbationsPage')) },
  { path: '/personnel/presence', label: '打卡与抽查', group: '人事考勤', icon: <FieldTimeOutlined />, permission: 'personnel.attendance', element: lazy(() => import('./pages/personnel/PresencePage')) },
  { path: '/finance/claims/new', label: '新建报销', group: '财务与接待', icon: <AccountBookOutlined />, permission: 'finance.claim', element: lazy(() => import('./pages/finance/NewClaimPage')) },
  { path: '/finance/claims', label: '我的报销', group: '财务与接待', icon: <AccountBookOutlined />, permission: 'finance.claim', element: lazy(() => import('./pages/finance/MyClaimsPage')) },
  { path: '/finance/receptions', label: '公务接待', group: '财务与接待', icon: <AccountBookOutlined />, permission: 'finance.claim', element: lazy(() => import('./pages/finance/ReceptionPage')) },
  { path: '/finance/reception-admin', label: '公务接待管理', group: '财务与接待', icon: <AccountBookOutlined />, permission: 'finance.reception', element: lazy(() => import('./pages/finance/ReceptionAdminPage')) },
  { path: '/finance/procurements', label: '物资采购（维修）', group: '财务与接待', icon: <AccountBookOutlined />, permission: 'finance.claim', element: lazy(() => import('./pages/finance/ProcurementPage')) },
  { path: '/finance/meeting-budgets', label: '会议培训预算', group: '财务与接待', icon: <AccountBookOutlined />, permission: 'finance.claim', element: lazy(() => import('./pages/finance/MeetingBudgetPage')) },
  { path: '/finance/prints', label: '印刷品印制', group: '财务与接待', icon: <AccountBookOutlined />, permission: 'finance.claim', element: lazy(() => import('./pages/finance/PrintingPage')) },
  { path: '/finance/ledgers', label: '财务台账', group: '财务与接待', icon: <AccountBookOutlined />, permission: 'finance.ledger', element: lazy(() => import('./pages/finance/LedgersPage')) },
  { path: '/finance/violations', label: '违规问题登记', group: '财务与接待', icon: <AccountBookOutlined />, permission: 'finance.ledger', element: lazy(() => import('./pages/finance/ViolationsPage')) },
  { path: '/finance/cash-counts', label: '现金盘点', group: '财务与接待', icon: <AccountBookOutlined />, permission: 'finance.ledger', element: lazy(() => import('./pages/finance/CashCountPage')) },
  { path: '/finance/report-calendar', label: '报表报送日历', group: '财务与接待', icon: <AccountBookOutlined />, permission: 'finance.ledger', element: lazy(() => import('./pages/finance/ReportCalendarPage')) },
  { path: '/finance/inspection', label: '监督检查资料导出', group: '财务与接待', icon: <AccountBookOutlined />, permission: 'finance.inspection', element: lazy(() => import('./pages/finance/InspectionExportPage')) },
  { path: '/meetings', label: '会议', group: '会议决策', icon: <SolutionOutlined />, permission: 'meetings.read', element: lazy(() => import('./pages/meetings/MeetingsPage')) },
  { path: '/meetings/proposals', label: '议题征集', group: '会议决策', icon: <SolutionOutlined />, permission: 'meetings.read', element: lazy(() => import('./pages/meetings/ProposalsPage')) },
  { path: '/meetings/new', label: '筹备会议', group: '会议决策', hidden: true, permission: 'meetings.manage', element: lazy(() => import('./pages/meetings/CreateMeetingPage')) },
  { path: '/meetings/followups', label: '会议决定与落实', group: '会议决策', icon: <SolutionOutlined />, permission: 'meetings.read', element: lazy(() => import('./pages/meetings/DecisionsPage')) },
  { path: '/meetings/oversight', label: '监督检查', group: '会议决策', icon: <SolutionOutlined />, permission: 'meetings.manage', element: lazy(() => import('./pages/meetings/OversightPage')) },
  { path: '/meetings/:id', label: '会议室', group: '会议决策', hidden: true, permission: 'meetings.read', element: lazy(() => import('./pages/meetings/MeetingRoomPage')) },
  { path: '/poverty/dashboard', label: '监测看板', group: '防返贫监测', icon: <FieldTimeOutlined />, permission: 'poverty.read', element: lazy(() => import('./pages/poverty/DashboardPage')) },
  { path: '/poverty/monitoring', label: '监测对象', group: '防返贫监测', icon: <SafetyOutlined />, permission: 'poverty.read', element: lazy(() => import('./pages/poverty/MonitoringPage')) },
  { path: '/poverty/households', label: '农户台账', group: '防返贫监测', icon: <TeamOutlined />, permission: 'poverty.read', element: lazy(() => import('./pages/poverty/HouseholdsPage')) },
  { path: '/poverty/import', label: '台账导入', group: '防返贫监测', icon: <BookOutlined />, permission: 'poverty.manage', element: lazy(() => import('./pages/poverty/ImportPage')) },
  { path: '/poverty/comparison', label: '数据比对', group: '防返贫监测', icon: <SafetyOutlined />, permission: 'poverty.manage', element: lazy(() => import('./pages/poverty/ComparisonPage')) },
  { path: '/poverty/measures', label: '帮扶措施', group: '防返贫监测', icon: <SolutionOutlined />, permission: 'poverty.read', element: lazy(() => import('./pages/poverty/MeasuresPage')) },
  { path: '/poverty/duties', label: '监测职责', group: '防返贫监测', icon: <ScheduleOutlined />, permission: 'poverty.read', element: lazy(() => import('./pages/poverty/DutiesPage')) },
  { path: '/rain/students', label: '学生名单', group: '雨露计划', icon: <TeamOutlined />, permission: 'rain.read', element: lazy(() => import('./pages/rain/StudentsPage')) },
  { path: '/rain/roll', label: '学籍比对', group: '雨露计划', icon: <BookOutlined />, permission: 'rain.manage', element: lazy(() => import('./pages/rain/RollPage')) },
  { path: '/rain/publicity', label: '公示与异议', group: '雨露计划', icon: <SolutionOutlined />, permission: 'rain.read', element: lazy(() => import('./pages/rain/PublicityPage')) },
  { path: '/rain/batches', label: '发放批次', group: '雨露计划', icon: <AccountBookOutlined />, permission: 'rain.read', element: lazy(() => import('./pages/rain/BatchesPage')) },
  { path: '/rain/ledgers', label: '台账导出', group: '雨露计划', icon: <FileTextOutlined />, permission: 'rain.read', element: lazy(() => import('./pages/rain/LedgersPage')) },
  { path: '/rain/inspections', label: '抽查', group: '雨露计划', icon: <AuditOutlined />, permission: 'rain.read', element: lazy(() => import('./pages/rain/InspectionsPage')) },
  { path: '/documents/mine', label: '我的发文', group: '公文', icon: <FileTextOutlined />, permission: 'documents.draft', element: lazy(() => import('./pages/documents/MyDraftsPage')) },
  { path: '/documents/new', label: '起草发文', group: '公文', icon: <FileTextOutlined />, permission: 'documents.draft', element: lazy(() => import('./pages/documents/DraftEditorPage')) },
  { path: '/documents/register', label: '发文登记簿', group: '公文', icon: <FileTextOutlined />, permission: 'documents.read', element: lazy(() => import('./pages/documents/RegisterPage')) },
  { path: '/seals', label: '用印申请', group: '公文', icon: <FileTextOutlined />, permission: 'seals.use', element: lazy(() => import('./pages/seals/SealUsePage')) },
  { path: '/seals/keeper', label: '印章管理', group: '公文', icon: <FileTextOutlined />, permission: 'seals.keep', element: lazy(() => import('./pages/seals/SealKeeperPage')) },
  { path: '/seals/register', label: '印章代管与停用', group: '公文', icon: <FileTextOutlined />, permission: 'seals.ledger', element: lazy(() => import('./pages/seals/SealRegisterPage')) },
  { path: '/secrecy', label: '涉密文件登记簿', group: '公文', icon: <SafetyOutlined />, permission: 'secrecy.read', element: lazy(() => import('./pages/secrecy/SecrecyPage')) },
  { path: '/secrecy/requests', label: '借阅涉密文件', group: '公文', icon: <SafetyOutlined />, permission: 'secrecy.request', element: lazy(() => import('./pages/secrecy/SecrecyRequestPage')) },
  { path: '/secrecy/admin', label: '保密管理', group: '公文', icon: <SafetyOutlined />, permission: 'secrecy.read', element: lazy(() => import('./pages/secrecy/SecrecyAdminPage')) },
  { path: '/secrecy/outgoing/new', label: '涉密发文与带离申请', group: '公文', icon: <SafetyOutlined />, permission: 'secrecy.request', element: lazy(() => import('./pages/secrecy/SecrecyOutgoingNewPage')) },
  { path: '/documents/incoming', label: '收文登记与办理', group: '公文', icon: <FileTextOutlined />, permission: 'documents.read', element: lazy(() => import('./pages/documents/IncomingListPage')) },
  { path: '/documents/incoming/:id', label: '收文办理', group: '公文', hidden: true, permission: 'documents.read', element: lazy(() => import('./pages/documents/IncomingPage')) },
  { path: '/documents/:id/edit', label: '修改发文', group: '公文', hidden: true, permission: 'documents.draft', element: lazy(() => import('./pages/documents/DraftEditorPage')) },
  { path: '/documents/:id', label: '公文详情', group: '公文', hidden: true, permission: 'documents.read', element: lazy(() => import('./pages/documents/DocumentPage')) },
  { path: '/vehicles', label: '公务用车', group: '财务与接待', icon: <CarOutlined />, permission: 'vehicles.use', element: lazy(() => import('./pages/vehicles/VehiclesPage')) },
  { path: '/assets', label: '固定资产与工会经费', group: '财务与接待', icon: <AccountBookOutlined />, permission: 'assets.read', element: lazy(() => import('./pages/assets/AssetsPage')) },
  { path: '/org', label: '组织机构', group: '机构与制度', icon: <ApartmentOutlined />, element: lazy(() => import('./pages/org/OrgPage')) },
  { path: '/workrules', label: '工作规则登记簿', group: '机构与制度', icon: <BookOutlined />, permission: 'workrules.read', element: lazy(() => import('./pages/workrules/WorkRulesPage')) },
  { path: '/workrules/mine', label: '来信来访与讲话报批', group: '机构与制度', icon: <SolutionOutlined />, element: lazy(() => import('./pages/workrules/MyWorkRulesPage')) },
  { path: '/rules', label: '制度执行一览', group: '机构与制度', icon: <BookOutlined />, element: lazy(() => import('./pages/rules/RulesPage')) },
  { path: '/calendar', label: '工作日历', group: '机构与制度', icon: <CalendarOutlined />, element: lazy(() => import('./pages/calendar/CalendarPage')) },
  { path: '/admin/accounts', label: '账号管理', group: '系统管理', icon: <TeamOutlined />, permission: 'account.manage', element: lazy(() => import('./pages/admin/AccountsPage')) },
  { path: '/admin/roles', label: '角色与权限', group: '系统管理', icon: <SafetyOutlined />, permission: 'role.manage', element: lazy(() => import('./pages/admin/RolesPage')) },
  { path: '/admin/finance-inspection', label: '财务监督检查资料', group: '系统管理', icon: <AuditOutlined />, permission: 'audit.finance_inspection', element: lazy(() => import('./pages/finance/InspectionExportPage')) },
  { path: '/admin/audit', label: '审计日志', group: '系统管理', icon: <AuditOutlined />, permission: 'audit.read', element: lazy(() => import('./pages/audit/AuditPage')) },
  { path: '/flow/instances/:id', label: '审批事项', group: '工作台', hidden: true, permission: 'flow.use', element: lazy(() => import('./pages/flow/InstancePage')) },
  { path: '/account/password', label: '修改密码', group: '工作台', hidden: true, element: lazy(() => import('./pages/account/ChangePasswordPage')) },
];

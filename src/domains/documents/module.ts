import type { Module } from '../../kernel/module';
import { grantPermissions } from '../../kernel/access/grants';
import { documentsRoutes } from './routes';
import './flows';

export const DOCUMENTS_PERMISSIONS = [
  { code: 'documents.read', label: '查看公文与发文登记簿' },
  { code: 'documents.draft', label: '起草发文、送审、修改退回稿' },
  { code: 'documents.review', label: '综合科审核发文（文种、内容、文字、格式、公开属性）' },
  { code: 'documents.number', label: '编发文字号、重印（综合科）' },
  { code: 'documents.register', label: '查看全部公文（综合科、办领导）' },
];

/**
 * Official documents (《公文运转管理制度》): outgoing documents from draft to number and
 * GB/T 9704 output. Everyone drafts; 综合科 (hub) reviews, numbers and keeps the register (DOC-01).
 */
export const documentsModule: Module = {
  name: 'documents',
  permissions: DOCUMENTS_PERMISSIONS,
  routes: documentsRoutes,
  async seedBase(ctx) {
    for (const role of ['staff', 'section_chief', 'leader', 'hub']) await grantPermissions(ctx.db, role, ['documents.read', 'documents.draft']);
    await grantPermissions(ctx.db, 'hub', ['documents.review', 'documents.number', 'documents.register']);
    await grantPermissions(ctx.db, 'leader', ['documents.register']);
  },
};

import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Acknowledge, DateStr, RowKind, YearOut, YearParam } from './contract';
import { addDays, addFestival, createYear, deleteDraftYear, removeDay, updateDay, updateYear } from './service';
import { publishYear, returnYear, submitYear } from './publish';
import { yearDetail } from './queries';

/** 录入新年度放假安排 (calendar.md §3.4): entry needs calendar.edit, review and publishing calendar.publish. */
const edit = { permission: 'calendar.edit', rules: ['CAL-02', 'CAL-03'] };
const Festival = z.string().trim().min(1, '请填写节日名称').max(40, '节日名称过长');
const SourceDoc = z.string().trim().min(1, '请填写国务院办公厅通知的发文字号').max(100, '发文字号过长');
const DayParams = YearParam.extend({ date: DateStr });
const out = { 200: YearOut };

export const adminCalendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/calendar/years',
    { config: edit, schema: { summary: '新建年度放假安排（草稿）', body: z.object({ year: z.number().int(), sourceDoc: SourceDoc }), response: { 201: YearOut } } },
    async (req, reply) => {
      await createYear(req.ctx, req.body);
      return reply.status(201).send(await yearDetail(req.ctx, req.body.year));
    },
  );

  app.patch(
    '/calendar/years/:year',
    { config: edit, schema: { summary: '修改草稿的发文字号', params: YearParam, body: z.object({ sourceDoc: SourceDoc }), response: out } },
    async (req) => {
      await updateYear(req.ctx, req.params.year, req.body);
      return yearDetail(req.ctx, req.params.year);
    },
  );

  app.delete(
    '/calendar/years/:year',
    { config: edit, schema: { summary: '删除草稿年度', params: YearParam, response: { 200: z.object({ deleted: z.number() }) } } },
    async (req) => {
      await deleteDraftYear(req.ctx, req.params.year);
      return { deleted: req.params.year };
    },
  );

  app.post(
    '/calendar/years/:year/days',
    { config: edit, schema: { summary: '录入一个放假或调休上班日期', params: YearParam, body: z.object({ date: DateStr, kind: RowKind, festival: Festival }), response: out } },
    async (req) => {
      await addDays(req.ctx, req.params.year, [req.body]);
      return yearDetail(req.ctx, req.params.year);
    },
  );

  app.post(
    '/calendar/years/:year/festivals',
    {
      config: edit,
      schema: {
        summary: '按节日录入：放假起止日期与调休上班日期',
        params: YearParam,
        body: z.object({ festival: Festival, start: DateStr, end: DateStr, adjustedWorkdays: z.array(DateStr).max(10).default([]) }),
        response: out,
      },
    },
    async (req) => {
      await addFestival(req.ctx, req.params.year, req.body);
      return yearDetail(req.ctx, req.params.year);
    },
  );

  app.put(
    '/calendar/years/:year/days/:date',
    { config: edit, schema: { summary: '修改一个日期', params: DayParams, body: z.object({ kind: RowKind, festival: Festival }), response: out } },
    async (req) => {
      await updateDay(req.ctx, req.params.year, req.params.date, req.body);
      return yearDetail(req.ctx, req.params.year);
    },
  );

  app.delete(
    '/calendar/years/:year/days/:date',
    { config: edit, schema: { summary: '删除一个日期', params: DayParams, response: out } },
    async (req) => {
      await removeDay(req.ctx, req.params.year, req.params.date);
      return yearDetail(req.ctx, req.params.year);
    },
  );

  app.post(
    '/calendar/years/:year/submit',
    { config: { permission: 'calendar.edit', rules: ['CAL-02', 'CAL-03', 'CAL-04'] }, schema: { summary: '提交审核', params: YearParam, body: Acknowledge, response: out } },
    async (req) => {
      await submitYear(req.ctx, req.params.year, req.body ?? {});
      return yearDetail(req.ctx, req.params.year);
    },
  );

  app.post(
    '/calendar/years/:year/return',
    { config: { permission: 'calendar.publish' }, schema: { summary: '退回修改', params: YearParam, body: z.object({ note: z.string().trim().min(1, '请填写退回原因').max(500) }), response: out } },
    async (req) => {
      await returnYear(req.ctx, req.params.year, req.body);
      return yearDetail(req.ctx, req.params.year);
    },
  );

  app.post(
    '/calendar/years/:year/publish',
    {
      config: { permission: 'calendar.publish', rules: ['CAL-02', 'CAL-03', 'CAL-04', 'CAL-05'] },
      schema: { summary: '审核发布（须由录入人以外的第二人）', params: YearParam, body: Acknowledge, response: out },
    },
    async (req) => {
      await publishYear(req.ctx, req.params.year, req.body ?? {});
      return yearDetail(req.ctx, req.params.year);
    },
  );
};

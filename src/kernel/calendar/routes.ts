import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { localDate } from '../time';
import { DateStr, DayOut, Period, YearListOut, YearOut, YearParam } from './contract';
import { adminCalendarRoutes } from './admin-routes';
import { listYears, upcomingHolidays, yearDetail } from './queries';
import { loadWorkingCalendar } from './workdays';

/**
 * Public calendar questions: anyone may ask whether a date is a working day (the dates are
 * public State Council notices). Unpublished years answer 422 CALENDAR_YEAR_NOT_PUBLISHED.
 */
const pub = { permission: 'public' };

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/calendar/days/:date',
    { config: { ...pub, rules: ['CAL-01'] }, schema: { summary: '某日是否工作日', params: z.object({ date: DateStr }), response: { 200: DayOut } } },
    async (req) => (await loadWorkingCalendar(req.ctx.db)).day(req.params.date),
  );

  app.get(
    '/calendar/working-days/add',
    {
      config: { ...pub, rules: ['CAL-01'] },
      schema: {
        summary: '日期加 N 个工作日（不含当日；N 为负数时向前）',
        querystring: z.object({ date: DateStr, days: z.coerce.number({ message: '工作日天数应为整数' }).int('工作日天数应为整数').min(-3650).max(3650) }),
        response: { 200: z.object({ date: z.string() }) },
      },
    },
    async (req) => ({ date: (await loadWorkingCalendar(req.ctx.db)).add(req.query.date, req.query.days) }),
  );

  app.get(
    '/calendar/working-days/count',
    {
      config: { ...pub, rules: ['CAL-01'] },
      schema: {
        summary: '两个日期之间（含首尾）的工作日天数',
        querystring: z.object({ from: DateStr, to: DateStr }),
        response: { 200: z.object({ from: z.string(), to: z.string(), workingDays: z.number() }) },
      },
    },
    async (req) => {
      const { from, to } = req.query;
      return { from, to, workingDays: (await loadWorkingCalendar(req.ctx.db)).count(from, to) };
    },
  );

  app.get('/calendar/years', { config: pub, schema: { summary: '各年度放假安排及状态', response: { 200: YearListOut } } }, async (req) =>
    listYears(req.ctx),
  );

  app.get(
    '/calendar/years/:year',
    { config: pub, schema: { summary: '某年度的放假与调休上班日期', params: YearParam, response: { 200: YearOut } } },
    async (req) => yearDetail(req.ctx, req.params.year),
  );

  app.get(
    '/calendar/holidays/upcoming',
    {
      config: pub,
      schema: {
        summary: '即将到来的节假日',
        querystring: z.object({ from: DateStr.optional(), limit: z.coerce.number().int().min(1).max(20).default(3) }),
        response: { 200: z.object({ from: z.string(), publishedThrough: z.string().nullable(), holidays: z.array(Period) }) },
      },
    },
    async (req) => upcomingHolidays(req.ctx.db, req.query.from ?? localDate(req.ctx.clock.now()), req.query.limit),
  );

  await app.register(adminCalendarRoutes);
};

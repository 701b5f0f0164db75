import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../test/support/app';
import { ctxFor } from '../../../../test/support/ctx';
import { rows } from '../../db';
import type { Ctx } from '../../context';
import { AppError } from '../../errors';
import { actOnTask, startFlow, withdraw } from '../index';
import './test-flows';

let t: TestApp;
const ctxs = new Map<string, Ctx>();
const people = ['chenzhiyuan', 'liminghua', 'zhaoguoqiang', 'sunli', 'hejianjun', 'wuhai', 'liuyang', 'xunuo'];

beforeAll(async () => {
  t = await createTestApp();
  for (const u of people) ctxs.set(`psn_${u}`, await ctxFor(t, u));
});
afterAll(async () => t?.close());

type Task = { id: string; step_index: number; round: number; assignee_person_id: string; status: string; kind: string; decided_by_person_id: string | null };

const state = async (id: string) => {
  const [inst] = await rows<{ status: string; current_step: number | null }>(t.database.db, sql`select status, current_step from flow_instances where id = ${id}`);
  const tasks = await rows<Task>(t.database.db, sql`select id, step_index, round, assignee_person_id, status, kind, decided_by_person_id from flow_tasks where instance_id = ${id}`);
  return { inst, tasks };
};

/** Invariants: never stuck, never double-signed, pending work only at the current step. */
async function checkInvariants(id: string) {
  const { inst, tasks } = await state(id);
  const pending = tasks.filter((x) => x.status === 'pending' && x.kind !== 'notify');
  if (inst.status === 'running') {
    expect(pending.length, 'a running instance has pending work').toBeGreaterThan(0);
    expect(new Set(pending.map((x) => x.step_index))).toEqual(new Set([inst.current_step]));
  } else {
    expect(pending, `a ${inst.status} instance has no pending work`).toEqual([]);
  }
  const signed = new Map<string, number>();
  for (const x of tasks.filter((x) => x.status === 'approved')) {
    const k = `${x.step_index}/${x.round}/${x.assignee_person_id}`;
    signed.set(k, (signed.get(k) ?? 0) + 1);
  }
  for (const [k, n] of signed) expect(n, `signed twice: ${k}`).toBe(1);
}

const Command = fc.oneof(
  fc.record({ kind: fc.constant('approve' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('add_signer' as const), pick: fc.nat(), who: fc.constantFrom('psn_hejianjun', 'psn_wuhai', 'psn_liuyang') }),
  fc.record({ kind: fc.constant('return' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('withdraw' as const), who: fc.constantFrom(...people.map((p) => `psn_${p}`)) }),
  fc.record({ kind: fc.constant('parallel' as const) }),
);

async function apply(id: string, cmd: { kind: string; pick?: number; who?: string }) {
  const { tasks } = await state(id);
  const pending = tasks.filter((x) => x.status === 'pending' && x.kind !== 'notify');
  const task = pending.length ? pending[(cmd.pick ?? 0) % pending.length] : undefined;
  const as = (p: string) => ctxs.get(p)!;
  const tolerate = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
    }
  };
  switch (cmd.kind) {
    case 'approve':
      if (task) await tolerate(actOnTask(as(task.assignee_person_id), task.id, 'approve'));
      break;
    case 'add_signer':
      if (task) await tolerate(actOnTask(as(task.assignee_person_id), task.id, 'add_signer', { personId: cmd.who }));
      break;
    case 'return':
      if (task && task.step_index > 0) await tolerate(actOnTask(as(task.assignee_person_id), task.id, 'return', { toStep: 0, comment: '重新会签' }));
      break;
    case 'withdraw':
      await tolerate(withdraw(as(cmd.who!), id));
      break;
    case 'parallel':
      // Everyone with pending work signs at the same moment.
      await Promise.all(pending.map((x) => tolerate(actOnTask(as(x.assignee_person_id), x.id, 'approve'))));
      break;
  }
}

describe('approval engine properties', () => {
  it('random approve / return / withdraw / add-signer on a countersign step never leaves an instance stuck or double-signed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(Command, { minLength: 1, maxLength: 10 }), async (commands) => {
        const { instanceId } = await startFlow(ctxs.get('psn_xunuo')!, 'test.countersign', { form: {} });
        for (const cmd of commands) {
          await apply(instanceId, cmd);
          await checkInvariants(instanceId);
        }
        // Whatever happened, signing everything pending finishes the request.
        for (let i = 0; i < 12; i++) {
          const { inst } = await state(instanceId);
          if (inst.status !== 'running') break;
          await apply(instanceId, { kind: 'parallel' });
          await checkInvariants(instanceId);
        }
        expect(['approved', 'withdrawn']).toContain((await state(instanceId)).inst.status);
      }),
      { numRuns: 25 },
    );
  });
});

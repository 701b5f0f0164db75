import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { E2E } from './harness';

/** POST to the API as the user logged in on `page`; a refusal fails the test with the server's message. */
export async function apiPost<T = unknown>(e2e: E2E, page: Page, path: string, data: object = {}): Promise<T> {
  const res = await page.request.post(`${e2e.baseUrl}/api/v1${path}`, { data });
  expect(res.status(), `POST ${path}: ${await res.text()}`).toBeLessThan(300);
  return (res.status() === 204 ? undefined : await res.json()) as T;
}

/**
 * 综合科 (logged in on `hub`) drafts a 党组会议 three days ahead on the real clock, so that the
 * notice can go out a day before (PG-04). Returns its id and its topics' ids in agenda order.
 */
export async function createPartyMeeting(e2e: E2E, hub: Page, title: string, topics: object[]): Promise<{ id: string; topicIds: string[] }> {
  const day = new Date(Date.now() + 3 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const { id } = await apiPost<{ id: string }>(e2e, hub, '/meetings', {
    bodyCode: 'party_group', title, startAt: `${day}T09:00:00+08:00`, place: '三楼会议室', topics,
  });
  const detail = (await (await hub.request.get(`${e2e.baseUrl}/api/v1/meetings/${id}`)).json()) as { topics: { id: string; seq: number }[] };
  return { id, topicIds: [...detail.topics].sort((a, b) => a.seq - b.seq).map((t) => t.id) };
}

/**
 * The preparation the 党组会议 browser test drives through the page, done through the API for
 * tests of what happens in the room: members on leave, the 书记 (on `secretary`) approves the
 * time (PG-03) and comments on the agenda (PG-10), 综合科 sends the notice (PG-04) and opens it.
 */
export async function prepareAndOpen(e2e: E2E, hub: Page, secretary: Page, meetingId: string, onLeave: string[] = []): Promise<void> {
  for (const personId of onLeave) await apiPost(e2e, hub, `/meetings/${meetingId}/attendance`, { personId, status: 'leave', leaveReason: '因公外出' });
  await apiPost(e2e, secretary, `/meetings/${meetingId}/approve-time`);
  await apiPost(e2e, secretary, `/meetings/${meetingId}/agenda-comments`, { body: '同意议程' });
  await apiPost(e2e, hub, `/meetings/${meetingId}/notice`, {});
  await apiPost(e2e, hub, `/meetings/${meetingId}/open`, {});
}

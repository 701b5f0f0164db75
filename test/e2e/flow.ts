import type { Page } from 'playwright-core';
import type { E2E } from './harness';

/** Log in as `user`, open the approval at `instanceUrl`, approve it with `opinion` and wait for the dialog to close. */
export async function approveAs(e2e: E2E, page: Page, user: string, instanceUrl: string, opinion = '同意'): Promise<void> {
  await e2e.login(page, user);
  await page.goto(instanceUrl);
  await page.getByTestId('flow-approve').click();
  const dialog = page.getByRole('dialog');
  await page.getByTestId('flow-comment-input').fill(opinion);
  // The click must reach the server, and the page must have reloaded the instance after it.
  const reloaded = page.waitForResponse((r) => r.request().method() === 'GET' && /\/api\/v1\/flow\/instances\/[^/]+$/.test(new URL(r.url()).pathname));
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/v1\/flow\/tasks\//.test(r.url())),
    dialog.getByRole('button', { name: /确\s*定/ }).click(),
  ]);
  await reloaded;
  await dialog.waitFor({ state: 'hidden' });
}

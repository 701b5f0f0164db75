import type { Page } from 'playwright-core';

const OPEN_DROPDOWN = '.ant-select-dropdown:not(.ant-select-dropdown-hidden):visible';

/** Wait until no Select dropdown is open or still animating closed. */
async function noOpenDropdown(page: Page): Promise<void> {
  for (let i = 0; i < 50 && (await page.locator(OPEN_DROPDOWN).count()) > 0; i++) await page.waitForTimeout(100);
}

/**
 * Pick an option of an Ant Design Select found by its data-testid. A dropdown that is
 * still closing after the previous pick is never clicked into: wait for it to go, and
 * take the newest dropdown (antd appends each to the end of the body). `search` types the
 * option first, for a searchable Select whose long list renders only its first options.
 */
export async function pickOption(page: Page, testId: string, option: string, o: { search?: boolean } = {}): Promise<void> {
  // A re-render of the page (data arriving) can close the dropdown under the click: try again.
  for (let attempt = 1; ; attempt++) {
    await noOpenDropdown(page);
    await page.getByTestId(testId).click();
    if (o.search) await page.keyboard.type(option);
    const item = page.locator(OPEN_DROPDOWN).last().locator('.ant-select-item-option').filter({ hasText: option }).first();
    try {
      await item.click({ timeout: attempt < 3 ? 8_000 : undefined });
      break;
    } catch (e) {
      if (attempt >= 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
  await noOpenDropdown(page);
}

import type { Page } from 'playwright-core';

/** Pick an option of an Ant Design Select found by its data-testid. */
export async function pickOption(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first().click();
}

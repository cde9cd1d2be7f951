import type { Page } from 'playwright-core';

export interface OfficeUser {
  username: string;
  displayName: string;
  role: 'clerk' | 'reviewer' | 'registrar' | 'supervisor' | 'admin';
}

/**
 * First start of a fresh web host through its HTTP API from the page (the setup screen itself is
 * covered by the foundation e2e): the office and its administrator, the given users with a
 * temporary password, then logged out. Throws with the answers if any call fails.
 */
export async function initializeOffice(
  page: Page,
  o: { url: string; officeName: string; adminPassword: string; temporaryPassword: string; users: OfficeUser[] },
): Promise<void> {
  await page.goto(o.url);
  await page.getByText('首次启动设置').first().waitFor();
  const results = await page.evaluate(
    async ({ officeName, adminPassword, temporaryPassword, users }) => {
      const call = async (method: string, input: unknown) =>
        (await fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) })).json();
      const answers = [await call('setup.initialize', { officeCode: '430102', officeName, adminUsername: 'admin', adminDisplayName: '王管理', password: adminPassword })];
      for (const u of users) answers.push(await call('users.create', { ...u, temporaryPassword }));
      answers.push(await call('auth.logout', {}));
      return answers;
    },
    { officeName: o.officeName, adminPassword: o.adminPassword, temporaryPassword: o.temporaryPassword, users: o.users },
  );
  if (results.some((r: { ok?: boolean }) => r.ok !== true)) throw new Error(`office set-up failed: ${JSON.stringify(results)}`);
}

/** A user's first login: the temporary password, then the forced change to their own. */
export async function firstLogin(page: Page, username: string, temporaryPassword: string, password: string): Promise<void> {
  await page.reload();
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(temporaryPassword);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('#current-password').fill(temporaryPassword);
  await page.locator('#new-password').fill(password);
  await page.locator('#confirm-password').fill(password);
  await page.getByRole('button', { name: '修改密码' }).click();
  await page.getByText('您好').waitFor();
}

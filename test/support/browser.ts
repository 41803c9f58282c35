import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../src/documents/render/render-pdf.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { REPO_ROOT } from './run-cli.ts';

export const CHROMIUM = process.env.GONGKAI_CHROMIUM || '/usr/bin/chromium';

/** Browser tests need Chromium; outside CI they are skipped (and say so) without it, never in CI. */
export const browserMissing = !existsSync(CHROMIUM) && process.env.CI !== 'true';

export function browserSuiteTitle(name: string): string {
  return browserMissing
    ? `${name} — SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium; never skipped when CI=true)`
    : name;
}

/** Builds dist/web when a source changed since the last build (what `npm start` does). */
export function buildWebIfStale(): void {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/build-web.js'), '--if-stale'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`web build failed:\n${r.stdout}\n${r.stderr}`);
}

export interface WebServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/**
 * The real server over HTTP on a free loopback port, on a fresh SQLite file, serving the built
 * web application: what a user's browser talks to.
 */
export async function startWebServer(options: { now?: () => Date } = {}): Promise<WebServer> {
  buildWebIfStale();
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-web-'));
  const app = await buildApp({
    config: loadConfig({
      DATABASE_URL: `sqlite:${join(dir, 'gongkai.db')}`,
      LOG_LEVEL: 'silent',
      LOGIN_FAILURE_DELAY_MS: '0',
      HOST: '127.0.0.1',
      GONGKAI_CHROMIUM: CHROMIUM,
    }),
    ...(options.now ? { now: options.now } : {}),
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    url,
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/**
 * A page at 1366×768 and the uncaught script errors it met (a test expects none). Waits are allowed
 * 20 s: the suite runs two files at a time on two cores, beside Chromium printing PDFs.
 */
export async function newPage(
  browser: Browser,
  viewport = { width: 1366, height: 768 },
): Promise<{ page: Page; scriptErrors: string[] }> {
  const page = await browser.newPage({ viewport, locale: 'zh-CN' });
  page.setDefaultTimeout(20_000);
  const scriptErrors: string[] = [];
  page.on('pageerror', (error) => scriptErrors.push(`${page.url()}: ${error.message}`));
  return { page, scriptErrors };
}

/** Opens the login page at `loginUrl` and signs in with the form, as a person would. */
export async function signInThroughPage(
  page: Page,
  loginUrl: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(loginUrl);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/**
 * Records the filled-in step of a case as an officer does: 记录, then 确认记录 in the dialog that shows
 * what will be recorded. Returns the dialog's text (what it said would be recorded).
 */
export async function recordStep(page: Page): Promise<string> {
  // By its text: while the loading icon of the last attempt fades out, it is part of the button's name.
  await page.locator('button[type=submit]', { hasText: /^记\s*录$/ }).click();
  return confirmInDialog(page, '确认记录');
}

/**
 * Presses `button` in the confirmation dialog just opened, once the dialog has settled, and waits
 * for it to close. Returns the dialog's text (what it said would happen).
 */
export async function confirmInDialog(page: Page, button: string): Promise<string> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: button }).waitFor();
  // A click while the dialog still zooms in can land on its moving frame: wait until it has settled.
  await dialog.and(page.locator('.ant-modal:not(.ant-zoom)')).waitFor();
  const shown = (await dialog.textContent()) ?? '';
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'hidden' });
  return shown;
}

/**
 * Presses `opener` and returns the dialog it opens, once the dialog has settled: a press on a field
 * of a dialog still zooming in can land beside the moving field.
 */
export async function openDialog(page: Page, opener: Locator): Promise<Locator> {
  await opener.click();
  const dialog = page.getByRole('dialog');
  await dialog.and(page.locator('.ant-modal:not(.ant-zoom)')).waitFor();
  return dialog;
}

/**
 * Presses `button` in the popconfirm just opened (by a click on the button it belongs to), once it
 * has settled, and waits for it to close. Returns its text (what it said would happen). Under load
 * a press while the popconfirm still zooms in lands beside the moving button and is lost.
 */
export async function confirmInPopconfirm(page: Page, button: string | RegExp): Promise<string> {
  const open = page.locator('.ant-popconfirm').filter({ visible: true });
  await open.getByRole('button', { name: button }).waitFor();
  // antd marks a popover with its motion's name (ant-zoom-big) while it opens or closes.
  const settled = page.locator('.ant-popconfirm:not(.ant-zoom-big)').filter({ visible: true });
  await settled.waitFor();
  const shown = (await settled.textContent()) ?? '';
  await settled.getByRole('button', { name: button }).click();
  await open.waitFor({ state: 'hidden' });
  return shown;
}

/**
 * Waits for `expected`, the outcome of a step the page sends to the server (a save, a workflow
 * step), and fails at once with the page's own words when it shows an error alert instead; when
 * neither comes, the failure names the page's address (a 401 sends the page to the login page).
 */
export async function waitForOutcome(
  page: Page,
  expected: Locator,
  options: { timeout?: number } = {},
): Promise<void> {
  const failure = page.locator('.ant-alert-error');
  try {
    await expected.or(failure).first().waitFor(options);
  } catch (error) {
    throw new Error(`页面既未显示预期结果，也未显示错误提示（页面地址：${page.url()}）`, { cause: error });
  }
  if ((await failure.count()) > 0 && (await expected.count()) === 0) {
    throw new Error(`页面显示错误提示：${(await failure.allInnerTexts()).join('；')}`);
  }
}

/**
 * Opens the select `field` and presses the (first) option showing `option` once the dropdown has
 * slid in: a press on a dropdown still moving can be lost, and a dropdown still sliding out (of
 * the select chosen just before) is never the one pressed.
 */
export async function chooseOption(page: Page, field: Locator, option: string | RegExp): Promise<void> {
  await field.click();
  await settledDropdown(page).locator('.ant-select-item-option', { hasText: option }).first().click();
}

/** The open select dropdown, once it has slid in (antd marks a moving one with ant-slide-up). */
export function settledDropdown(page: Page): Locator {
  return page.locator('.ant-select-dropdown:not(.ant-slide-up)').filter({ visible: true });
}

/**
 * Chooses `option` in the select labelled `label` until `chosen()` says the page took it: under load
 * a press on an option of a dropdown still opening can be lost.
 */
export async function chooseUntil(
  page: Page,
  label: string,
  option: string,
  chosen: () => Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    await page.getByLabel(label).click();
    await settledDropdown(page)
      .locator('.ant-select-item-option', { hasText: option })
      .click({ timeout: 2_000 })
      .catch(() => {});
    const settle = Date.now() + 3_000;
    while (Date.now() < settle) {
      if (await chosen()) return;
      await page.waitForTimeout(250);
    }
    if (Date.now() > deadline) throw new Error(`选择“${label}”的“${option}”后页面没有变化`);
  }
}

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/cli/demo/demo-data.ts';
import { loadDemo } from '../../src/cli/demo/load-demo.ts';
import { browserMissing, browserSuiteTitle } from '../support/browser.ts';
import { PHONE, setUpBrowserSuite } from '../support/browser-suite.ts';
import { createTestUser, signIn, TEST_PASSWORD } from '../support/server-factories.ts';

/** `npm start -- --demo` on 20 November 2026 (as test/browser/demo-data.test.ts). */
const NOW = new Date('2026-11-20T02:00:00.000Z');

let adminName = '';
const ids = { application: '', disclosure: '', report: '', regionReport: '' };

/**
 * Latin words a page may show: file formats and encodings a user picks, and user names (which an
 * administrator types). Anything else is English on screen.
 */
const LATIN_ALLOWED = new Set([
  ...'PDF Word DOCX HTML CSV JSON Excel UTF GBK zip txt Markdown JPG PNG TIFF'.split(' '),
  ...DEMO_USERS.flatMap((u) => u.username.split('.')),
]);

/** The Latin words on the page that are not allowed (English labels, raw keys). */
async function englishWords(page: Page): Promise<string[]> {
  // Whole runs of letters and digits, so a hex suffix (admin.73c5a936) yields no letter fragments.
  const tokens = String(await page.evaluate('document.body.innerText')).match(/[A-Za-z0-9_]+/g) ?? [];
  const words = tokens.filter((t) => /^[A-Za-z][A-Za-z_]{2,}$/.test(t));
  return [...new Set(words)].filter((w) => !LATIN_ALLOWED.has(w) && !adminName.split('.').includes(w));
}

/** The page's width beyond the phone's: what makes the whole page scroll sideways. */
async function overflow(page: Page): Promise<number> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => {});
  return page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
}

/**
 * The outermost elements reaching past the phone's right edge (outside any scroll area of their
 * own): what to fix, named by tag, class and text.
 */
const OFFENDERS = `(() => {
  const out = [];
  const scrolls = (el) => { const o = getComputedStyle(el).overflowX; return o === 'auto' || o === 'scroll' || o === 'hidden'; };
  const walk = (el) => {
    for (const child of el.children) {
      const r = child.getBoundingClientRect();
      if (r.right > window.innerWidth + 0.5 && r.width > 0) {
        const inner = [...child.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 0.5);
        if (!inner || scrolls(child)) out.push(child.tagName.toLowerCase() + '.' + String(child.className).split(' ').slice(0, 2).join('.') + ' “' + (child.textContent || '').trim().slice(0, 20) + '” ' + Math.round(r.right));
        else walk(child);
      } else if (!scrolls(child)) walk(child);
    }
  };
  walk(document.body);
  return out.slice(0, 3).join('；');
})()`;

/**
 * Each page, then each of its tabs: where the page is wider than the phone, and by how much; and
 * any English word it shows.
 */
async function measure(page: Page, url: string, wide: string[], english: string[]): Promise<void> {
  await page.goto(url);
  const extra = await overflow(page);
  const path = new URL(url).pathname;
  const words = await englishWords(page);
  if (words.length > 0) english.push(`${path}: ${words.join(' ')}`);
  if (extra > 0) wide.push(`${path}: ${extra}px (${await page.evaluate<string>(OFFENDERS)})`);
  const tabs = page.getByRole('tab');
  const count = await tabs.count();
  for (let i = 1; i < count; i += 1) {
    const tab = tabs.nth(i);
    if (!(await tab.isVisible()) || (await tab.getAttribute('aria-disabled')) === 'true') continue;
    const name = (await tab.innerText()).trim();
    await tab.click();
    const more = await overflow(page);
    if (more > 0) wide.push(`${path} [${name}]: ${more}px (${await page.evaluate<string>(OFFENDERS)})`);
  }
}

describe.skipIf(browserMissing)(browserSuiteTitle('every page on a 390×844 phone'), () => {
  const suite = setUpBrowserSuite({
    now: () => NOW,
    timeout: 180_000,
    prepare: async (server) => {
      const db = server.app.db;
      await loadDemo(db, NOW);
      adminName = (await createTestUser(db, 'admin')).username;
      const officer = await signIn(server.app, 'shuju.jingban', DEMO_PASSWORD);
      const session = (await server.app.inject({ url: '/api/session', headers: officer })).json();
      const agency = `/api/agencies/${session.user.agencyId}`;
      const first = async (url: string) =>
        (await server.app.inject({ url: `${agency}${url}`, headers: officer })).json().items[0].id as string;
      ids.application = await first('/applications');
      ids.disclosure = await first('/disclosures');
      ids.report = await first('/reports');
      ids.regionReport = ids.report;
    },
  });

  it('never scrolls sideways outside a table’s own scroll area, and shows no English, for any role', async () => {
    const wide: string[] = [];
    const english: string[] = [];
    const visitor = await suite.page(PHONE);
    const base = suite.server.url;
    for (const path of ['/', '/apply', '/track', '/reports', '/statistics', '/login']) {
      await measure(visitor.page, `${base}${path}`, wide, english);
    }
    const roles: Array<[string, string, string[]]> = [
      [
        'shuju.jingban',
        DEMO_PASSWORD,
        [
          '/workspace',
          '/workspace/applications',
          '/workspace/applications/new',
          `/workspace/applications/${ids.application}`,
          '/workspace/disclosures',
          `/workspace/disclosures/${ids.disclosure}`,
          '/workspace/normative-documents',
          '/workspace/cases',
          '/workspace/work',
          '/workspace/reports',
          `/workspace/reports/${ids.report}`,
          '/workspace/password',
        ],
      ],
      [
        'shuju.shenhe',
        DEMO_PASSWORD,
        ['/workspace', '/workspace/applications', '/workspace/disclosures', '/workspace/reports'],
      ],
      [
        'zhongwei.zhuguan',
        DEMO_PASSWORD,
        ['/workspace/region', '/workspace/region/import', `/workspace/region/reports/${ids.regionReport}`],
      ],
      [adminName, TEST_PASSWORD, ['/workspace/admin']],
    ];
    const errors: string[] = [...visitor.scriptErrors];
    for (const [username, password, paths] of roles) {
      const { page, scriptErrors } = await suite.signedIn(username, { password, viewport: PHONE });
      await page.waitForURL(/\/workspace/);
      for (const path of paths) await measure(page, `${base}${path}`, wide, english);
      errors.push(...scriptErrors);
      await page.close();
    }
    expect(wide).toEqual([]);
    expect(english).toEqual([]);
    expect(errors).toEqual([]);
  }, 600_000);
});

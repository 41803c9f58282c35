import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/core/organisation/user.ts';
import { createAgency, createRegion } from '../../src/store/organisation/organisation.repository.ts';
import { createUser } from '../../src/store/users/users.repository.ts';
import {
  browserMissing,
  browserSuiteTitle,
  launchBrowser,
  newPage,
  signInThroughPage,
  startWebServer,
  type WebServer,
} from '../support/browser.ts';
import { createTestUser, registrationBody, signIn, TEST_PASSWORD } from '../support/server-factories.ts';

/**
 * Stored XSS, standing: markup that would run script if a page put it into the document as HTML
 * (an event handler, a closing </script>, a javascript: link, a template expression) is stored in
 * the free-text fields users write, then every page that shows them is opened as a role that sees
 * them. No payload may run (each sets window.__xss and opens an alert; a dialog listener catches
 * any), and each field is shown literally, as the text it is.
 *
 * Names of regions, agencies and users are stored directly (the API refuses some characters in
 * them, and a page must be safe whatever a database holds); applications, disclosures, normative
 * documents and cases go through the API as officers write them.
 */

const RUN = 'window.__xss=(window.__xss||0)+1;alert(document.domain)';
const PAYLOADS = [
  `<img src=x onerror="${RUN}">`,
  `"><svg onload="${RUN}">`,
  `</script><script>${RUN}</script>`,
  `javascript:${RUN}`,
  `<a href="javascript:${RUN}">点此</a>`,
  `{{constructor.constructor('${RUN}')()}}<iframe srcdoc="<script>parent.${RUN}</script>">`,
] as const;

/** The payload `index` inside a field value with a Chinese label, so each field is told apart. */
const field = (label: string, index: number) => `${label}${PAYLOADS[index % PAYLOADS.length]}`;

let server: WebServer;
let browser: Browser;
let admin: User;
let officer: User;
let supervisor: User;
const values: Record<string, string> = {};
let applicationId = '';
let disclosureId = '';

describe.skipIf(browserMissing)(browserSuiteTitle('stored XSS in every page that shows free text'), () => {
  beforeAll(async () => {
    server = await startWebServer();
    const db = server.app.db;
    values.region = field('区划', 0);
    values.county = field('县', 1);
    values.agency = field('机关', 2);
    values.officerName = field('经办人', 3);
    const region = await createRegion(db, { code: '649900', name: values.region, level: 'city' });
    const county = await createRegion(db, {
      code: '649901',
      name: values.county,
      level: 'county',
      parentId: region.id,
    });
    const agency = await createAgency(db, { regionId: county.id, name: values.agency, kind: 'department' });
    admin = await createTestUser(db, 'admin');
    supervisor = await createTestUser(db, 'supervisor', { regionId: region.id });
    officer = await createUser(
      db,
      {
        username: 'xss.officer',
        displayName: values.officerName,
        password: TEST_PASSWORD,
        role: 'officer',
        agencyId: agency.id,
        regionId: null,
      },
      new Date(),
    );
    const headers = await signIn(server.app, officer.username);
    values.description = field('申请内容', 4);
    values.applicantName = field('申请人', 5).slice(0, 60);
    const application = await server.app.inject({
      method: 'POST',
      url: `/api/agencies/${agency.id}/applications`,
      headers,
      payload: registrationBody({
        description: values.description,
        applicant: { ...registrationBody().applicant, name: values.applicantName },
      }),
    });
    expect(application.statusCode, application.body).toBe(201);
    applicationId = application.json().application.id;
    values.disclosureTitle = field('主动公开', 0);
    const disclosure = await server.app.inject({
      method: 'POST',
      url: `/api/agencies/${agency.id}/disclosures`,
      headers,
      payload: {
        title: values.disclosureTitle,
        category: field('类别', 1).slice(0, 50),
        channel: 'website',
        attribute: 'proactive',
        createdOn: '2025-01-06',
      },
    });
    expect(disclosure.statusCode, disclosure.body).toBe(201);
    disclosureId = disclosure.json().id;
    expect(disclosureId).toEqual(expect.any(String));
    values.normativeTitle = field('规范性文件', 2);
    const normative = await server.app.inject({
      method: 'POST',
      url: `/api/agencies/${agency.id}/normative-documents`,
      headers,
      payload: {
        kind: 'normative',
        documentNumber: '甲数规〔2025〕9号',
        title: values.normativeTitle,
        issuedOn: '2025-04-01',
      },
    });
    expect(normative.statusCode, normative.body).toBe(201);
    values.caseNumber = field('案号', 3);
    const filed = await server.app.inject({
      method: 'POST',
      url: `/api/agencies/${agency.id}/cases`,
      headers,
      payload: { kind: 'review', filedOn: '2025-03-03', caseNumber: values.caseNumber },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens `path` signed in as `user`, waits for `shown` to be on it, and checks nothing ran. */
  async function visit(user: User, path: string, shown: string[], open?: (page: Page) => Promise<void>) {
    const { page, scriptErrors } = await newPage(browser);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      await signInThroughPage(
        page,
        `${server.url}/login?next=${encodeURIComponent(path)}`,
        user.username,
        TEST_PASSWORD,
      );
      await open?.(page);
      for (const text of shown) {
        // Shown literally: the stored text is on the page as text, markup and all.
        await page.getByText(text, { exact: false }).first().waitFor({ timeout: 15_000 });
      }
      // Give an image error or a frame's load time to fire.
      await page.waitForTimeout(300);
      expect(await page.evaluate('window.__xss')).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(await page.locator('img[src="x"], svg[onload], iframe[srcdoc]').count()).toBe(0);
      expect(scriptErrors).toEqual([]);
    } finally {
      await page.close();
    }
  }

  it('the payloads do run when a page puts them into the document as HTML (so that none running means something)', async () => {
    const { page } = await newPage(browser);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      await page.setContent(`<body>${PAYLOADS.slice(0, 2).join('')}</body>`);
      await page.waitForFunction('window.__xss >= 2', undefined, { timeout: 5_000 });
      expect(dialogs.length).toBeGreaterThanOrEqual(2);
    } finally {
      await page.close();
    }
  }, 30_000);

  it('the administrator: user, region and agency names', async () => {
    await visit(admin, '/workspace/admin', [values.officerName!]);
    await visit(admin, '/workspace/admin?tab=organisation', [values.region!, values.agency!]);
  }, 60_000);

  it('the officer: the inbox and the application (description, applicant name)', async () => {
    await visit(officer, '/workspace/applications', [values.description!]);
    await visit(
      officer,
      `/workspace/applications/${applicationId}`,
      [values.description!, values.applicantName!],
      async (page) => {
        await page.getByRole('button', { name: '查看申请人信息' }).click();
      },
    );
  }, 60_000);

  it('the officer: review and litigation cases (case number)', async () => {
    await visit(officer, '/workspace/cases', [values.caseNumber!]);
  }, 60_000);

  it('the officer: disclosures and normative documents', async () => {
    await visit(officer, '/workspace/disclosures', [values.disclosureTitle!]);
    await visit(officer, `/workspace/disclosures/${disclosureId}`, [values.disclosureTitle!]);
    await visit(officer, '/workspace/normative-documents', [values.normativeTitle!]);
  }, 60_000);

  it('the supervisor: the region dashboard (region and agency names)', async () => {
    await visit(supervisor, '/workspace/region', [values.agency!]);
  }, 60_000);
});

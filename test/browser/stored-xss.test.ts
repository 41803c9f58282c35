import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { User } from '../../src/core/organisation/user.ts';
import { createAgency, createRegion } from '../../src/store/organisation/organisation.repository.ts';
import { createUser } from '../../src/store/users/users.repository.ts';
import { browserMissing, browserSuiteTitle, chooseOption } from '../support/browser.ts';
import { setUpBrowserSuite } from '../support/browser-suite.ts';
import { enterTestFigures } from '../support/report-records.ts';
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
 * documents, cases, work records and the annual report's narrative go through the API as officers
 * write them. The region conventions are a choice between fixed options, no free text. The public
 * pages are opened anonymously: an application sent through the apply form (its echo, then its
 * tracking), the published reports of the region and one of them read online, the statistics.
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

let admin: User;
let officer: User;
let supervisor: User;
const values: Record<string, string> = {};
let applicationId = '';
let disclosureId = '';
let reviewer: User;
let agencyId = '';
let reportId = '';
/** The work-record fields shown in each tab of the officer's 公开工作台账. */
const workTabs: Array<{ tab: string; shown: string[] }> = [];

describe.skipIf(browserMissing)(browserSuiteTitle('stored XSS in every page that shows free text'), () => {
  const suite = setUpBrowserSuite({
    prepare: async (server) => {
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
      agencyId = agency.id;
      reviewer = await createTestUser(db, 'reviewer', { agencyId: agency.id });
      await storeWorkRecords(headers);
      await publishReport(headers, await signIn(server.app, reviewer.username));
    },
    timeout: 120_000,
  });

  /** One record of each kind, every free-text field a payload; 2025, the year the report is of. */
  async function storeWorkRecords(headers: Record<string, string>) {
    const v = (key: string, label: string, index: number) => {
      values[key] = field(label, index);
      return values[key];
    };
    const records = [
      {
        tab: '政策解读',
        kind: 'interpretation',
        data: {
          documentTitle: v('documentTitle', '所解读文件', 0),
          forms: ['text'],
          publishedOn: '2025-04-03',
          byDraftingOffice: true,
        },
        shown: ['documentTitle'],
      },
      {
        tab: '政府开放日/公众参与',
        kind: 'evaluation',
        data: {
          kind: 'openDay',
          theme: v('theme', '活动主题', 1),
          heldOn: '2025-09-27',
          participants: 27,
          formsHandedOut: 30,
          suggestions: [
            {
              content: v('suggestion', '意见建议', 2),
              receivedOn: '2025-09-27',
              handling: 'adopted',
              handledOn: '2025-10-15',
            },
          ],
        },
        shown: ['theme'],
      },
      {
        tab: '建议提案',
        kind: 'proposal',
        data: {
          kind: 'npcSuggestion',
          role: 'lead',
          number: v('proposalNumber', '编号', 3),
          title: v('proposalTitle', '建议标题', 4),
          year: 2025,
          receivedOn: '2025-03-10',
          concludedOn: '2025-06-10',
        },
        shown: ['proposalNumber', 'proposalTitle'],
      },
      {
        tab: '培训',
        kind: 'training',
        data: {
          kind: 'held',
          title: v('trainingTitle', '培训名称', 5),
          heldOn: '2025-05-10',
          participants: 30,
        },
        shown: ['trainingTitle'],
      },
      {
        tab: '会议与责任追究',
        kind: 'meeting',
        data: { kind: 'specialMeeting', heldOn: '2025-05-12', topic: v('meetingTopic', '会议议题', 0) },
        shown: ['meetingTopic'],
      },
      {
        tab: '会议与责任追究',
        kind: 'accountability',
        data: { decidedOn: '2025-07-01', description: v('accountability', '责任追究', 1) },
        shown: ['accountability'],
      },
      {
        tab: '发布平台',
        kind: 'channel',
        data: {
          kind: 'wechat',
          name: v('channelName', '平台名称', 2),
          openedOn: '2020-01-01',
          filedWith: v('filedWith', '备案单位', 3),
          filedOn: '2020-01-05',
          years: [{ year: 2025, posts: 100 }],
        },
        shown: ['channelName', 'filedWith'],
      },
      {
        tab: '工作要点落实',
        kind: 'task',
        data: {
          year: 2025,
          position: 1,
          title: v('taskTitle', '任务', 4),
          implementation: v('implementation', '落实情况', 5),
        },
        shown: ['taskTitle', 'implementation'],
      },
      {
        tab: '年度情况',
        kind: 'figures',
        data: {
          year: 2025,
          inAnnualAssessment: true,
          processingFeesYuan: 0,
          workPlanTitle: v('workPlanTitle', '工作要点', 0),
        },
        shown: ['workPlanTitle'],
      },
    ];
    for (const { tab, kind, data, shown } of records) {
      const res = await suite.server.app.inject({
        method: 'POST',
        url: `/api/agencies/${agencyId}/work-records`,
        headers,
        payload: { kind, data },
      });
      expect(res.statusCode, res.body).toBe(201);
      const entry = workTabs.find((t) => t.tab === tab);
      if (entry) entry.shown.push(...shown.map((k) => values[k]!));
      else workTabs.push({ tab, shown: shown.map((k) => values[k]!) });
    }
  }

  /** The agency's 2025 report, its narrative sections payloads, submitted, approved and published. */
  async function publishReport(
    officerHeaders: Record<string, string>,
    reviewerHeaders: Record<string, string>,
  ) {
    await enterTestFigures(suite.server.app.db, agencyId, 2025);
    values.overview = field('一、总体情况', 1);
    values.problems = field('五、存在的主要问题', 2);
    values.other = field('六、其他需要报告的事项', 3);
    const base = `/api/agencies/${agencyId}/reports`;
    const created = await suite.server.app.inject({
      method: 'POST',
      url: base,
      headers: officerHeaders,
      payload: {
        year: 2025,
        sections: { overview: values.overview, problems: values.problems, other: values.other },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().errorCount, JSON.stringify(created.json().findings)).toBe(0);
    reportId = created.json().id;
    let revision = created.json().revision as number;
    for (const [action, headers] of [
      ['submit', officerHeaders],
      ['approve', reviewerHeaders],
      ['publish', reviewerHeaders],
    ] as const) {
      const res = await suite.server.app.inject({
        method: 'POST',
        url: `${base}/${reportId}/transitions`,
        headers,
        payload: { action, expectedRevision: revision },
      });
      expect(res.statusCode, res.body).toBe(200);
      revision = res.json().revision;
    }
  }

  /** Opens `path` signed in as `user`, waits for `shown` to be on it, and checks nothing ran. */
  async function visit(user: User, path: string, shown: string[], open?: (page: Page) => Promise<void>) {
    const { page, scriptErrors } = await suite.page();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      await suite.signIn(page, user, { next: path });
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
    const { page } = await suite.page();
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

  it('the officer: every tab of the work records', async () => {
    await visit(officer, '/workspace/work?year=2025', [], async (page) => {
      for (const { tab, shown } of workTabs) {
        await page.getByRole('tab', { name: tab, exact: true }).click();
        const pane = page.getByRole('tabpanel');
        for (const text of shown) await pane.getByText(text, { exact: false }).first().waitFor();
      }
    });
  }, 60_000);

  it('the officer and the reviewer: the report’s narrative, and its HTML document', async () => {
    const path = `/workspace/reports/${reportId}?agency=${agencyId}`;
    const narrativeShown = async (page: Page) => {
      // Text areas: shown literally means their value is the stored text.
      await page.locator('#section-overview').waitFor();
      expect(await page.locator('#section-overview').inputValue()).toBe(values.overview);
      expect(await page.locator('#section-problems').inputValue()).toBe(values.problems);
      expect(await page.locator('#section-other').inputValue()).toBe(values.other);
    };
    await visit(officer, path, [], narrativeShown);
    await visit(reviewer, path, [], narrativeShown);
    // The HTML a user downloads, opened as a page of its own (no server headers to protect it).
    const html = await suite.server.app.inject({
      method: 'GET',
      url: `/api/agencies/${agencyId}/reports/${reportId}/document?format=html`,
      headers: await signIn(suite.server.app, officer.username),
    });
    expect(html.statusCode).toBe(200);
    const { page, scriptErrors } = await suite.page();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      await page.setContent(html.body);
      for (const text of [values.agency!, values.overview!, values.problems!, values.other!]) {
        await page.getByText(text, { exact: false }).first().waitFor({ timeout: 15_000 });
      }
      await page.waitForTimeout(300);
      expect(await page.evaluate('window.__xss')).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(await page.locator('img[src="x"], svg[onload], iframe[srcdoc]').count()).toBe(0);
      expect(scriptErrors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('the public, anonymously: apply, track, published reports read online, statistics', async () => {
    const { page, scriptErrors } = await suite.page();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const nothingRan = async () => {
      await page.waitForTimeout(300);
      expect(await page.evaluate('window.__xss')).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(await page.locator('img[src="x"], svg[onload], iframe[srcdoc]').count()).toBe(0);
    };
    try {
      // The apply form: the agency's name among the choices and in the echo of the sent application.
      await page.goto(`${suite.server.url}/apply`);
      await chooseOption(page, page.getByLabel('受理机关'), values.agency!);
      const applicant = field('公众申请人', 0).slice(0, 60);
      await page.getByLabel('申请人姓名或名称').fill(applicant);
      await page.getByLabel(/所需政府信息的名称/).fill(field('公众申请内容', 1));
      await page.getByRole('checkbox', { name: '纸质文本' }).check();
      await page.getByRole('checkbox', { name: '邮寄' }).check();
      await page.getByLabel('联系电话').fill('13900000000');
      await page.getByRole('button', { name: '提交申请' }).click();
      const code = (await page.getByTestId('follow-up-code').innerText()).trim();
      await page.getByText(values.agency!, { exact: false }).first().waitFor();
      await nothingRan();
      // Its tracking.
      await page.getByRole('button', { name: '查询办理进度' }).click();
      await page.getByLabel('查询码').fill(code);
      await page.getByRole('button', { name: /查\s*询/ }).click();
      await page.getByRole('region', { name: '办理情况' }).getByText('办理中').waitFor();
      await nothingRan();

      // The region's published reports: names of the region and the agency, then the report itself.
      await page.goto(`${suite.server.url}/reports`);
      await chooseOption(page, page.getByLabel('地区'), values.region!);
      await page.getByRole('spinbutton', { name: '年度', exact: true }).fill('2025');
      await page.getByRole('spinbutton', { name: '年度', exact: true }).press('Tab');
      const item = page.locator('.ant-list-item', { hasText: values.agency! });
      await item.waitFor();
      await nothingRan();
      const href = await item.getByRole('link', { name: '在线阅读' }).getAttribute('href');
      await page.goto(new URL(href!, suite.server.url).toString());
      for (const text of [values.agency!, values.overview!, values.problems!, values.other!]) {
        await page.getByText(text, { exact: false }).first().waitFor();
      }
      await nothingRan();

      // The region's statistics.
      await page.goto(`${suite.server.url}/statistics`);
      await chooseOption(page, page.getByLabel('地区'), values.region!);
      await page.getByRole('spinbutton', { name: '截至年度' }).fill('2025');
      await page.getByRole('spinbutton', { name: '截至年度' }).press('Tab');
      await page.locator('.ant-table-tbody tr', { hasText: '2025' }).first().waitFor();
      await page.getByText(values.region!, { exact: false }).first().waitFor();
      await nothingRan();
      expect(scriptErrors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 90_000);
});

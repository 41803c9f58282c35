import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  browserMissing,
  launchBrowser,
  newPage,
  signInThroughPage,
  startWebServer,
  type WebServer,
} from './browser.ts';
import { TEST_PASSWORD } from './server-factories.ts';

/** The one set-up of the browser journeys (test/browser): server, Chromium, pages, signing in. */
export type Viewport = { width: number; height: number };

export const DESKTOP: Viewport = { width: 1440, height: 900 };
export const PHONE: Viewport = { width: 390, height: 844 };

export interface SignInOptions {
  /** Where the login page sends the user on (its `next`); the login page's default when absent. */
  next?: string;
  /** TEST_PASSWORD unless given. */
  password?: string;
}

/** The server and browser of a file's browser journeys, with the steps every journey starts with. */
export interface BrowserSuite {
  readonly server: WebServer;
  readonly browser: Browser;
  /** A new page (1366×768 unless `viewport`) and the uncaught script errors it meets. */
  page(viewport?: Viewport): Promise<{ page: Page; scriptErrors: string[] }>;
  /** Signs `page` in through the login page as a person would. */
  signIn(page: Page, user: string | { username: string }, options?: SignInOptions): Promise<void>;
  /** A new page signed in as `user`. */
  signedIn(
    user: string | { username: string },
    options?: SignInOptions & { viewport?: Viewport },
  ): Promise<{ page: Page; scriptErrors: string[] }>;
}

/**
 * Called at a file's top level or inside a `describe`: before its tests, starts the real server on a
 * fresh database (`now` its clock), runs `prepare` (the data the journeys need), then launches
 * Chromium; closes both after them. Registers nothing without Chromium (the suite is skipped, see
 * browserSuiteTitle). Hooks registered after this call run after the server is up.
 */
export function setUpBrowserSuite(
  options: { now?: () => Date; prepare?: (server: WebServer) => Promise<void>; timeout?: number } = {},
): BrowserSuite {
  let server: WebServer | undefined;
  let browser: Browser | undefined;
  if (browserMissing) return unstarted();
  beforeAll(async () => {
    server = await startWebServer(options.now ? { now: options.now } : {});
    await options.prepare?.(server);
    browser = await launchBrowser();
  }, options.timeout ?? 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return startedSuite(
    () => server,
    () => browser,
  );
}

/** A suite whose tests are skipped: any use of it says so. */
function unstarted(): BrowserSuite {
  return startedSuite(
    () => undefined,
    () => undefined,
  );
}

function startedSuite(server: () => WebServer | undefined, browser: () => Browser | undefined): BrowserSuite {
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`the ${what} is not started yet (use it inside a test or a later hook)`);
    return value;
  };
  const suite: BrowserSuite = {
    get server() {
      return started(server(), 'server');
    },
    get browser() {
      return started(browser(), 'browser');
    },
    page: (viewport) => newPage(suite.browser, viewport),
    signIn: async (page, user, signInOptions = {}) => {
      const next = signInOptions.next ? `?next=${encodeURIComponent(signInOptions.next)}` : '';
      await signInThroughPage(
        page,
        `${suite.server.url}/login${next}`,
        typeof user === 'string' ? user : user.username,
        signInOptions.password ?? TEST_PASSWORD,
      );
    },
    signedIn: async (user, signInOptions = {}) => {
      const opened = await suite.page(signInOptions.viewport);
      await suite.signIn(opened.page, user, signInOptions);
      return opened;
    },
  };
  return suite;
}

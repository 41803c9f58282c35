import type { ActionOn, Resource } from '../../src/core/access/access-policy.ts';

/**
 * What each route of the API requires, in the access policy's words: the generated matrix in
 * src/server/routes/authorization.test.ts asks src/core/access for every principal and expects the
 * route to agree (allowed → neither 401 nor 403; refused → 401 for anonymous, 403 FORBIDDEN
 * otherwise). Every route in the OpenAPI document must have an entry here.
 *
 * - 'public': anyone, signed in or not;
 * - 'signed-in': any signed-in user (login: any user with their password);
 * - 'browser': a user signed in with a browser session, not an API token;
 * - a list of [resource, action] the policy must all allow, about `target`: agency X (in county
 *   A1, under city A, under the province), city A (the region routes' region), or nothing (the
 *   role alone decides).
 */
export type Target = 'agencyX' | 'cityA' | 'none';
export type Need = { [R in Resource]: readonly [R, ActionOn<R>] }[Resource];
export type RouteAccess = 'public' | 'signed-in' | 'browser' | { target: Target; needs: readonly Need[] };

const agency = (...needs: Need[]): RouteAccess => ({ target: 'agencyX', needs });
const region = (action: ActionOn<'region'>): RouteAccess => ({
  target: 'cityA',
  needs: [['region', action]],
});
/** Region routes about agency X's reports: the region is agency X's. */
const regionOfX: RouteAccess = { target: 'agencyX', needs: [['region', 'read']] };
const role = (...needs: Need[]): RouteAccess => ({ target: 'none', needs });

export const ROUTE_ACCESS: Record<string, RouteAccess> = {
  'GET /api/health': 'public',
  'POST /api/check/report': 'public',
  'POST /api/check/document': 'public',
  'GET /api/regions': 'public',
  'GET /api/agencies': 'public',
  'GET /api/public/regions/:code/reports': 'public',
  'GET /api/public/reports/:reportId/document': 'public',
  'GET /api/public/regions/:code/statistics': 'public',
  'POST /api/public/track': 'public',
  'POST /api/public/agencies/:agencyId/applications': 'public',
  'POST /api/auth/logout': 'public',
  'POST /api/auth/login': 'signed-in',
  'GET /api/session': 'signed-in',
  'POST /api/auth/password': 'browser',
  'POST /api/auth/tokens': 'browser',
  'GET /api/auth/tokens': 'browser',
  'DELETE /api/auth/tokens/:id': 'browser',

  'POST /api/regions': role(['organisation', 'administer']),
  'POST /api/agencies': role(['organisation', 'administer']),
  'POST /api/agencies/:id/rename': role(['organisation', 'administer']),
  'POST /api/agencies/:id/close': role(['organisation', 'administer']),
  'POST /api/regions/:id/rename': role(['organisation', 'administer']),
  'POST /api/regions/:id/close': role(['organisation', 'administer']),
  'POST /api/agencies/:id/reopen': role(['organisation', 'administer']),
  'POST /api/regions/:id/reopen': role(['organisation', 'administer']),
  'GET /api/users': role(['user', 'administer']),
  'POST /api/users': role(['user', 'administer']),
  'PATCH /api/users/:id': role(['user', 'administer']),
  'POST /api/users/:id/password-reset': role(['user', 'administer']),
  'GET /api/calendar': 'signed-in',
  'POST /api/calendar/parse': role(['calendar', 'administer']),
  'POST /api/calendar': role(['calendar', 'administer']),

  'POST /api/imports': region('import'),
  'GET /api/imports/:batchId': region('import'),
  'POST /api/imports/:batchId/confirm': region('import'),
  'POST /api/imports/:batchId/cancel': region('import'),
  'GET /api/exports/regions/:code/reports': region('export'),
  'GET /api/region/regions/:code/years/:year': region('read'),
  'GET /api/region/regions/:code/years/:year/summary': region('read'),
  'GET /api/region/regions/:code/history': region('read'),
  'GET /api/region/regions/:code/conventions': region('read'),
  'PUT /api/region/regions/:code/conventions': region('setConventions'),
  'GET /api/region/regions/:code/years/:year/work': region('read'),
  'GET /api/region/agencies/:agencyId/reports': regionOfX,
  'GET /api/region/reports/:reportId': regionOfX,

  'POST /api/agencies/:agencyId/applications': agency(['application', 'handle']),
  'GET /api/agencies/:agencyId/applications': agency(['application', 'read']),
  'GET /api/agencies/:agencyId/applications/:id': agency(['application', 'read']),
  'GET /api/agencies/:agencyId/applications/:id/applicant': agency(['application', 'personal-data']),
  'POST /api/agencies/:agencyId/applications/:id/events': agency(['application', 'handle']),
  'POST /api/agencies/:agencyId/applications/:id/letters': agency(['application', 'personal-data']),
  'GET /api/agencies/:agencyId/deadlines/summary': agency(['application', 'read']),
  'GET /api/agencies/:agencyId/applications/timeliness': agency(['application', 'read']),

  'POST /api/agencies/:agencyId/reports': agency(
    ['annual-report', 'handle'],
    ['annual-report-step', 'assemble'],
  ),
  'GET /api/agencies/:agencyId/reports': agency(['annual-report', 'read']),
  'GET /api/agencies/:agencyId/reports/:id': agency(['annual-report', 'read']),
  'GET /api/agencies/:agencyId/reports/published/:year': agency(['annual-report', 'read']),
  'GET /api/agencies/:agencyId/reports/:id/draft-overview': agency(['annual-report', 'read']),
  'GET /api/agencies/:agencyId/reports/:id/draft-narrative': agency(['annual-report', 'read']),
  'GET /api/agencies/:agencyId/reports/:id/document': agency(['annual-report', 'read']),
  'PATCH /api/agencies/:agencyId/reports/:id/sections': agency(
    ['annual-report', 'handle'],
    ['annual-report-step', 'edit'],
  ),
  'POST /api/agencies/:agencyId/reports/:id/reassemble': agency(
    ['annual-report', 'handle'],
    ['annual-report-step', 'reassemble'],
  ),
  /** The matrix's request submits the draft. */
  'POST /api/agencies/:agencyId/reports/:id/transitions': agency(
    ['annual-report', 'handle'],
    ['annual-report-step', 'submit'],
  ),
  'POST /api/agencies/:agencyId/reports/:id/corrections': agency(
    ['annual-report', 'handle'],
    ['annual-report-step', 'correct'],
  ),

  'POST /api/agencies/:agencyId/disclosures': agency(['disclosure', 'handle'], ['disclosure-step', 'draft']),
  'GET /api/agencies/:agencyId/disclosures': agency(['disclosure', 'read']),
  'GET /api/agencies/:agencyId/disclosures/:id': agency(['disclosure', 'read']),
  'PUT /api/agencies/:agencyId/disclosures/:id': agency(
    ['disclosure', 'handle'],
    ['disclosure-step', 'edit'],
  ),
  /** The matrix's request submits the draft. */
  'POST /api/agencies/:agencyId/disclosures/:id/steps': agency(
    ['disclosure', 'handle'],
    ['disclosure-step', 'submit'],
  ),

  'POST /api/agencies/:agencyId/normative-documents': agency(['normative-document', 'handle']),
  'GET /api/agencies/:agencyId/normative-documents': agency(['normative-document', 'read']),
  'GET /api/agencies/:agencyId/normative-documents/:id': agency(['normative-document', 'read']),
  'POST /api/agencies/:agencyId/normative-documents/:id/repeal': agency(['normative-document', 'handle']),
  'GET /api/agencies/:agencyId/enforcement-statistics/:year': agency(['enforcement-figures', 'read']),
  'PUT /api/agencies/:agencyId/enforcement-statistics/:year': agency(['enforcement-figures', 'handle']),
  /** The CSV names agency X only. */
  'POST /api/enforcement-statistics/import': agency(
    ['enforcement-figures', 'import'],
    ['enforcement-figures', 'handle'],
  ),
  'GET /api/agencies/:agencyId/table2/:year': agency(['normative-document', 'read']),

  'POST /api/agencies/:agencyId/cases': agency(['case', 'handle']),
  'GET /api/agencies/:agencyId/cases': agency(['case', 'read']),
  'GET /api/agencies/:agencyId/cases/:id': agency(['case', 'read']),
  'POST /api/agencies/:agencyId/cases/:id/decision': agency(['case', 'handle']),
  'GET /api/agencies/:agencyId/table4/:year': agency(['case', 'read']),

  'POST /api/agencies/:agencyId/work-records': agency(['work-record', 'handle']),
  'GET /api/agencies/:agencyId/work-records': agency(['work-record', 'read']),
  'GET /api/agencies/:agencyId/work-records/:id': agency(['work-record', 'read']),
  'PUT /api/agencies/:agencyId/work-records/:id': agency(['work-record', 'handle']),
  'DELETE /api/agencies/:agencyId/work-records/:id': agency(['work-record', 'handle']),
  'GET /api/agencies/:agencyId/work-records-of-year/:year': agency(['work-record', 'read']),
};

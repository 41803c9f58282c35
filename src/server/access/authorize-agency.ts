import { decide } from '../../core/access/access-policy.ts';
import type { AGENCY_RECORDS_POLICY } from '../../core/access/agency-records-policy.ts';
import { AppError } from '../../core/errors.ts';
import type { Agency } from '../../core/organisation/agency.ts';
import type { StoreDb } from '../../store/dialect.ts';
import { getAgency } from '../../store/organisation/organisation.repository.ts';
import type { AuthUser } from '../plugins/auth.ts';
import { forbidden, refuseEarly } from './authorize.ts';
import { regionChain } from './region-chain.ts';

/** What an agency holds: applications, its registers, cases, annual reports. */
export type AgencyResource = keyof typeof AGENCY_RECORDS_POLICY;
export type AgencyAction<R extends AgencyResource> = keyof (typeof AGENCY_RECORDS_POLICY)[R] & string;

/** What was decided for this request: the agency, and whether the caller may also handle its records. */
export interface AgencyGrant {
  agency: Agency;
  /** The caller may write (handle) the resource: passed to presenters (e.g. the report's allowed steps). */
  handles: boolean;
}

/**
 * The agency if `user` may take `action` on its `resource`. 403 FORBIDDEN before looking the
 * agency up when the role and scope decide (officers and reviewers cannot probe which agencies
 * exist); 404 NOT_FOUND for an unknown agency otherwise; then, for a supervisor, one query for the
 * agency's region chain.
 */
export async function authorizeAgency<R extends AgencyResource>(
  db: StoreDb,
  user: AuthUser,
  agencyId: string,
  resource: R,
  action: AgencyAction<R>,
): Promise<AgencyGrant> {
  refuseEarly(user, resource, action, { agencyId });
  const agency = await getAgency(db, agencyId);
  if (!agency) throw new AppError('NOT_FOUND', '机关不存在');
  if (decide(user, resource, action, { agencyId }) === 'undecided') {
    const facts = { agencyId, regionChain: await regionChain(db, agency.regionId) };
    if (decide(user, resource, action, facts) !== 'allowed') throw forbidden(user, resource, action);
  }
  return { agency, handles: decide(user, resource, 'handle', { agencyId }) === 'allowed' };
}

/**
 * The same decision as authorizeAgency when the agency itself is not needed: for officers and
 * reviewers of the agency it is made without a query (their account's agency exists: a foreign
 * key), which matters on routes called many times a second such as registration.
 */
export async function checkAgencyAccess<R extends AgencyResource>(
  db: StoreDb,
  user: AuthUser,
  agencyId: string,
  resource: R,
  action: AgencyAction<R>,
): Promise<void> {
  if (user.agencyId === agencyId && decide(user, resource, action, { agencyId }) === 'allowed') return;
  await authorizeAgency(db, user, agencyId, resource, action);
}

/** authorizeAgency as a yes/no (an unknown agency: no), for checks over many agencies at once. */
export async function mayAccessAgency<R extends AgencyResource>(
  db: StoreDb,
  user: AuthUser,
  agencyId: string,
  resource: R,
  action: AgencyAction<R>,
): Promise<boolean> {
  return authorizeAgency(db, user, agencyId, resource, action).then(
    () => true,
    () => false,
  );
}

/** authorizeAgency for an agency's annual reports (their routes' shorthand). */
export function authorizeReports(
  db: StoreDb,
  user: AuthUser,
  agencyId: string,
  action: AgencyAction<'annual-report'>,
): Promise<AgencyGrant> {
  return authorizeAgency(db, user, agencyId, 'annual-report', action);
}

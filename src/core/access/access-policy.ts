import { AppError } from '../errors.ts';
import {
  type AccessActor,
  hasRole,
  isAdmin,
  type ResourceFacts,
  ROLE_LABELS,
  type Role,
  type Rule,
  supervisesTheRegion,
} from './access-rules.ts';
import { AGENCY_RECORDS_POLICY } from './agency-records-policy.ts';
import { WORKFLOW_POLICY } from './workflow-policy.ts';

/**
 * Who may do what, in one table (outline's server/policies): per resource and action, the rules
 * of which any one allows it, and the refusal (code FORBIDDEN) told to everyone else. Pure: the
 * caller passes the actor and what it knows of the resource (ResourceFacts); src/server/access/
 * loads those facts once per request and raises the refusal.
 */
export interface Policy {
  rules: readonly Rule[];
  /** The Chinese message of the refusal. */
  refusal: string | ((actor: AccessActor) => string);
}

/** The supervising office's scope: a supervisor its region and below, an admin every region. */
const regionOffice: Policy = {
  rules: [supervisesTheRegion, isAdmin],
  refusal: '无权查看该地区：主管部门只能查看本地区及下级地区，其他角色无权查看地区汇总',
};

/** Only these roles; refused with the generic "needs the … role" message. */
/** The region's own conventions (DOMAIN.md's L rules, e.g. §A.6): set by its supervising office or one above. */
const regionConventions: Policy = {
  rules: [supervisesTheRegion, isAdmin],
  refusal: '无权设置该地区的统计口径：只有本地区或上级地区的主管部门、系统管理员可以设置',
};

export function rolesOnly(...roles: readonly Role[]): Policy {
  return {
    rules: [hasRole(...roles)],
    refusal: `无权执行此操作：需要${roles.map((r) => ROLE_LABELS[r]).join('或')}权限`,
  };
}

export const ACCESS_POLICY = {
  ...AGENCY_RECORDS_POLICY,
  ...WORKFLOW_POLICY,
  /** Region-wide data: overview, history, regional summary, reports of its agencies, imports, exports. */
  region: {
    read: regionOffice,
    import: regionOffice,
    export: regionOffice,
    setConventions: regionConventions,
  },
  /** Users, their roles and scopes. */
  user: { administer: rolesOnly('admin') },
  /** Regions and agencies. */
  organisation: { administer: rolesOnly('admin') },
  /** The holiday arrangements of the working-day calendar (issue 15); every signed-in user reads them. */
  calendar: { administer: rolesOnly('admin') },
} satisfies Record<string, Record<string, Policy>>;

export type Resource = keyof typeof ACCESS_POLICY;
export type ActionOn<R extends Resource> = keyof (typeof ACCESS_POLICY)[R] & string;

/** 'undecided': a rule needs a fact the caller has not passed (load it and ask again). */
export type Verdict = 'allowed' | 'refused' | 'undecided';

function policyOf<R extends Resource>(resource: R, action: ActionOn<R>): Policy {
  return (ACCESS_POLICY[resource] as Record<string, Policy>)[action]!;
}

/** Allowed when any rule allows; refused when every rule refuses; undecided otherwise. */
export function decide<R extends Resource>(
  actor: AccessActor,
  resource: R,
  action: ActionOn<R>,
  facts: ResourceFacts = {},
): Verdict {
  let undecided = false;
  for (const rule of policyOf(resource, action).rules) {
    const verdict = rule(actor, facts);
    if (verdict === true) return 'allowed';
    if (verdict === undefined) undecided = true;
  }
  return undecided ? 'undecided' : 'refused';
}

/** What the refused actor is told (with code FORBIDDEN). */
export function refusalOf<R extends Resource>(actor: AccessActor, resource: R, action: ActionOn<R>): string {
  const { refusal } = policyOf(resource, action);
  return typeof refusal === 'string' ? refusal : refusal(actor);
}

/** Throws AppError FORBIDDEN with the policy's refusal unless the facts given allow the action. */
export function assertAllowed<R extends Resource>(
  actor: AccessActor,
  resource: R,
  action: ActionOn<R>,
  facts: ResourceFacts = {},
): void {
  if (decide(actor, resource, action, facts) !== 'allowed') {
    throw new AppError('FORBIDDEN', refusalOf(actor, resource, action));
  }
}

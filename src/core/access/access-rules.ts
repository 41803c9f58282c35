import { ROLE_LABELS, type Role } from '../organisation/role.ts';

export { ROLE_LABELS, type Role };

/** Who asks: the signed-in user's role and scope (an agency for officers and reviewers, a region for supervisors). */
export interface AccessActor {
  role: Role;
  agencyId: string | null;
  regionId: string | null;
}

/**
 * What the policy knows of the resource, as far as the caller has loaded it: the agency that
 * holds it, and the chain of regions above it (the region itself first, then its parent…: the
 * agency's region for agency-held resources). A fact left undefined is not known yet.
 */
export interface ResourceFacts {
  agencyId?: string;
  regionChain?: readonly string[];
}

/** true: allows; false: does not allow; undefined: cannot tell without a fact not yet loaded. */
export type Rule = (actor: AccessActor, facts: ResourceFacts) => boolean | undefined;

/** The actor has one of `roles`. */
export const hasRole =
  (...roles: readonly Role[]): Rule =>
  (actor) =>
    roles.includes(actor.role);

/** An officer or reviewer of the agency holding the resource. */
export const ofTheAgency: Rule = (actor, facts) =>
  (actor.role === 'officer' || actor.role === 'reviewer') &&
  facts.agencyId !== undefined &&
  actor.agencyId === facts.agencyId;

/** A supervisor (主管部门) of the resource's region or of a region above it. */
export const supervisesTheRegion: Rule = (actor, facts) => {
  if (actor.role !== 'supervisor') return false;
  if (facts.regionChain === undefined) return undefined;
  return actor.regionId !== null && facts.regionChain.includes(actor.regionId);
};

export const isAdmin: Rule = hasRole('admin');

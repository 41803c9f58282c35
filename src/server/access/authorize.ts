import { type ActionOn, decide, type Resource, refusalOf } from '../../core/access/access-policy.ts';
import type { ResourceFacts } from '../../core/access/access-rules.ts';
import { AppError } from '../../core/errors.ts';
import type { AuthUser } from '../plugins/auth.ts';

/**
 * The server's side of the access policy (src/core/access): routes ask these functions, which
 * load the facts the policy needs (the agency, the region chain) once, and raise the policy's
 * refusal as AppError FORBIDDEN.
 */
export function forbidden<R extends Resource>(user: AuthUser, resource: R, action: ActionOn<R>): AppError {
  return new AppError('FORBIDDEN', refusalOf(user, resource, action));
}

/** Throws FORBIDDEN unless the facts given (none: the role and scope alone) allow the action. */
export function authorize<R extends Resource>(
  user: AuthUser,
  resource: R,
  action: ActionOn<R>,
  facts: ResourceFacts = {},
): void {
  if (decide(user, resource, action, facts) !== 'allowed') throw forbidden(user, resource, action);
}

/**
 * Throws FORBIDDEN when the policy refuses whatever the facts (403 before any lookup, so that a
 * caller without the role cannot probe what exists); lets through what depends on them.
 */
export function refuseEarly<R extends Resource>(
  user: AuthUser,
  resource: R,
  action: ActionOn<R>,
  facts: ResourceFacts = {},
): void {
  if (decide(user, resource, action, facts) === 'refused') throw forbidden(user, resource, action);
}

import type { FastifyInstance } from 'fastify';
import { type Moment, momentOf } from '../../core/moment.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The server's clock: `new Date()` unless buildApp was given another (tests fix the date). */
    now: () => Date;
  }
}

/** Decorates the app with its clock; routes read "now" only through it. */
export function registerClock(app: FastifyInstance, now: (() => Date) | undefined): void {
  app.decorate('now', now ?? (() => new Date()));
}

/** "Now" for the store: the instant and the calendar day in Beijing (the procedure's `today`). */
export function currentMoment(app: FastifyInstance): Moment {
  return momentOf(app.now());
}

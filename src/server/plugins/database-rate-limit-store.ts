import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { countHit } from '../../store/rate-limits/rate-limit-counters.repository.ts';

/** The route a child store counts for, as @fastify/rate-limit hands it over (its types lack `url`). */
interface RouteInfo {
  method?: string | string[];
  url?: string;
}

/**
 * A store for @fastify/rate-limit that counts in the database (rate_limit_counters), so that the
 * per-address limits hold across every instance sharing it; the plugin's default store counts in
 * the process's memory, which two instances would double. Each limited route counts in a bucket
 * of its own ("POST /api/public/track"), read from the app's clock like every other rule.
 */
export function databaseRateLimitStore(app: FastifyInstance): FastifyRateLimitStoreCtor {
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    readonly bucket: string;

    constructor(options: { routeInfo?: RouteInfo } = {}) {
      const route = options.routeInfo;
      this.bucket = route?.url ? `${[route.method ?? ''].flat().join(',')} ${route.url}`.trim() : 'global';
    }

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow?: number,
    ): void {
      const now = app.now();
      countHit(app.db, { bucket: this.bucket, subject: key, windowMs: timeWindow ?? 60_000, now }).then(
        (counter) =>
          callback(null, {
            current: counter.hits,
            ttl: Math.max(0, counter.windowEndsAt.getTime() - now.getTime()),
          }),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: RouteInfo & { routeInfo?: RouteInfo }): FastifyRateLimitStore {
      return new DatabaseRateLimitStore({ routeInfo: routeOptions.routeInfo ?? routeOptions });
    }
  }
  return DatabaseRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}

import type { FastifyInstance } from 'fastify';

/** No page of gongkai may be framed by another site (clickjacking): the CSP directive and its older header. */
export const FRAME_ANCESTORS = "frame-ancestors 'none'";

/**
 * On every response (pages, API, files, errors): `X-Frame-Options: DENY` and `frame-ancestors
 * 'none'`, added to the Content-Security-Policy a route set itself (documents, letters) or as the
 * whole policy otherwise.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    void reply.header('x-frame-options', 'DENY');
    const policy = reply.getHeader('content-security-policy');
    if (typeof policy !== 'string' || policy.trim() === '') {
      void reply.header('content-security-policy', FRAME_ANCESTORS);
    } else if (!/(^|;)\s*frame-ancestors\s/.test(policy)) {
      void reply.header('content-security-policy', `${policy.replace(/;\s*$/, '')}; ${FRAME_ANCESTORS}`);
    }
    return payload;
  });
}

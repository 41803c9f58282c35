import type { FastifyInstance } from 'fastify';

const UNSAFE_IN_HTML: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026' };

/**
 * Text stored verbatim (a description with `<script>` in it) leaves as inert JSON: `<`, `>` and
 * `&` are written as \u escapes — the same JSON value, but no byte sequence a browser could take
 * for markup if the response were ever rendered or sniffed as HTML — and nosniff forbids the
 * sniffing itself.
 */
export function registerJsonHardening(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    void reply.header('x-content-type-options', 'nosniff');
    const type = reply.getHeader('content-type');
    if (typeof payload !== 'string' || typeof type !== 'string' || !type.startsWith('application/json')) {
      return payload;
    }
    return payload.replace(/[<>&]/g, (c) => UNSAFE_IN_HTML[c]!);
  });
}

/**
 * The baseline of the server bench: a bare Fastify app in a process of its own, one POST route that
 * parses the same JSON body as a registration and answers 201 with a small JSON object. Prints
 * "listening <port>" when ready.
 *   node --import tsx bench/bare-fastify-server.ts
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.post('/bare', async (request, reply) => {
  const body = request.body as { description?: string };
  return reply.status(201).send({ ok: true, length: body.description?.length ?? 0 });
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);

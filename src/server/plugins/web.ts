import { existsSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where `npm run build:web` puts the single-page application. */
export const WEB_ROOT = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>政府信息公开</title>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto">
<h1>网页尚未构建</h1><p>请在项目目录运行 <code>npm run build:web</code>（<code>npm start</code> 会自动构建），然后刷新本页。API 可用：<a href="/api/docs">/api/docs</a>。</p>`;

/** A browser asking for a page (not the API, not a file with an extension). */
function wantsPage(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return (
    request.method === 'GET' &&
    !path.startsWith('/api/') &&
    path !== '/api' &&
    !/\.[a-z0-9]+$/i.test(path) &&
    (request.headers.accept ?? '').includes('text/html')
  );
}

/**
 * The web application at `/`: files of dist/web (hashed assets cached for a year, index.html
 * never), and index.html for every other page address so that the browser's router takes over.
 * Compressed copies made by the build are sent to browsers that accept them.
 * Without a build, a page says how to make one. API addresses keep their JSON 404.
 */
export async function registerWeb(app: FastifyInstance, root = WEB_ROOT): Promise<void> {
  const built = existsSync(`${root}index.html`);
  const sendPage = (reply: FastifyReply) => {
    if (!built) return reply.status(200).type('text/html; charset=utf-8').send(NOT_BUILT);
    void reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html', root);
  };
  if (built) {
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      index: false,
      wildcard: true,
      cacheControl: false,
      dotfiles: 'ignore',
      // The build writes .br and .gz beside each text file (bin/build-web.js).
      preCompressed: true,
      setHeaders: (res, path) => {
        // Hashed bundles under dist/web/assets only (judged inside the web root, not by the install path).
        if (relative(root, path).startsWith(`assets${sep}`)) {
          res.setHeader('cache-control', 'public, max-age=31536000, immutable');
        }
      },
    });
  }
  app.get('/', { schema: { hide: true } }, (_request, reply) => sendPage(reply));
  app.setNotFoundHandler((request, reply) => {
    if (wantsPage(request)) return sendPage(reply);
    return reply
      .status(404)
      .send({ code: 'NOT_FOUND', message: `没有这个地址：${request.method} ${request.url.split('?')[0]}` });
  });
}

import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { registerErrorHandling } from './plugins/error-handling.ts';
import { registerCheckRoutes } from './routes/check/check.routes.ts';
import { registerHealthRoutes } from './routes/health/health.routes.ts';

export interface AppOptions {
  config: Config;
  /** Logs to stdout when true (the server); tests keep quiet. */
  logger?: boolean;
}

/** JSON bodies are small; documents are uploaded as raw bytes up to the ingest limit. */
export const JSON_BODY_LIMIT = 1024 * 1024;

/**
 * The server is a factory: everything it needs comes in through `options`, nothing is global, so
 * tests build as many apps as they like and call them with `inject`.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: options.config.logLevel } : false,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: options.config.trustProxy,
    ajv: { customOptions: { coerceTypes: false } },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'gongkai 公开 API',
        description: '政府信息公开：依申请公开办理、年度报告生成与核查。错误响应统一为 { code, message }。',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(registerHealthRoutes, { prefix: '/api' });
  await app.register(registerCheckRoutes, { prefix: '/api' });
  return app;
}

import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';

/** What fastify-type-provider-zod marks its validation issues with (a global symbol). */
const ZOD_VALIDATION_ISSUE = Symbol.for('ZodFastifySchemaValidationError');

const zhCN = z.locales.zhCN();

/**
 * The zod validator of fastify-type-provider-zod, with zod's messages in Chinese (a schema's own
 * message still wins). Issues keep the library's shape, so the error handler reads them as before.
 */
export const chineseValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { error: zhCN.localeError });
    if (result.success) return { value: result.data };
    const issues = result.error.issues.map((issue) => ({
      [ZOD_VALIDATION_ISSUE]: true,
      keyword: issue.code,
      instancePath: `/${issue.path.join('/')}`,
      schemaPath: `#/${issue.path.join('/')}/${issue.code}`,
      message: issue.message,
      params: {},
    }));
    return { error: issues as unknown as Error };
  };

/** Request validation answers in Chinese: `请求参数有误：applicant.name：…`. */
export function registerChineseValidation(app: FastifyInstance): void {
  app.setValidatorCompiler(chineseValidatorCompiler);
}

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
    const nul = pathOfNul(data, []);
    if (nul !== null)
      return { error: [issue(nul, 'invalid_string', '不能含有空字符（\\u0000）')] as unknown as Error };
    // Error maps change messages only: the data is parsed on zod's fast path first, and a body it
    // refuses parsed again for the messages in Chinese.
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    const refused = schema.safeParse(data, { error: zhCN.localeError });
    const issues = (refused.success ? result : refused).error!.issues.map((i) =>
      issue(i.path, i.code, i.message),
    );
    return { error: issues as unknown as Error };
  };

function issue(path: readonly PropertyKey[], code: string, message: string) {
  return {
    [ZOD_VALIDATION_ISSUE]: true,
    keyword: code,
    instancePath: `/${path.map(String).join('/')}`,
    schemaPath: `#/${path.map(String).join('/')}/${code}`,
    message,
    params: {},
  };
}

/** Nesting deeper than this is not looked into (the schemas refuse such bodies anyway). */
const MAX_DEPTH = 32;

/**
 * Where a text holds a NUL character, or null. PostgreSQL cannot store one in a text column and
 * no field of gongkai has a use for it, so it is refused as bad input on both dialects alike.
 */
function pathOfNul(value: unknown, path: PropertyKey[]): PropertyKey[] | null {
  if (typeof value === 'string') return value.includes('\0') ? [...path] : null;
  if (typeof value !== 'object' || value === null || path.length > MAX_DEPTH) return null;
  // One path array for the whole walk (this runs on every request): copied only when found.
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (key.includes('\0')) return [...path, key];
    path.push(key);
    const found = pathOfNul((value as Record<string, unknown>)[key], path);
    path.pop();
    if (found !== null) return found;
  }
  return null;
}

/** Request validation answers in Chinese: `请求参数有误：applicant.name：…`. */
export function registerChineseValidation(app: FastifyInstance): void {
  app.setValidatorCompiler(chineseValidatorCompiler);
}

import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';

/**
 * Zod schema types whose encode (what fastify-type-provider-zod's serializer runs on a response)
 * gives another value than a parse: transforms, pipes and codecs run the other way, catches are
 * skipped, `readonly` does not freeze. A response schema free of them encodes to what it parses
 * to, with one difference: a field with a default (`.default([])` of the requested form, shared
 * with the input schemas) that the presenter left out is filled with its default by a parse, where
 * an encode refuses the response (a 500).
 */
const DIRECTIONAL = new Set(['transform', 'pipe', 'catch', 'success', 'readonly']);

type Def = Record<string, unknown>;

function zodDef(value: unknown): Def | null {
  const internals = (value as { _zod?: { def?: Def } } | null)?._zod;
  return typeof value === 'object' && value !== null && internals?.def ? internals.def : null;
}

/** Whether `schema`, or any schema inside it (object shapes, arrays, unions, lazy…), is directional. */
function hasDirectionalPart(schema: unknown, seen = new Set<unknown>()): boolean {
  const def = zodDef(schema);
  if (def === null || seen.has(schema)) return false;
  seen.add(schema);
  if (DIRECTIONAL.has(String(def.type))) return true;
  const children = (value: unknown): unknown[] => {
    if (zodDef(value)) return [value];
    if (Array.isArray(value)) return value.flatMap(children);
    if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(children);
    return [];
  };
  const inner: unknown[] = [];
  for (const [key, value] of Object.entries(def)) {
    if (key === 'checks') continue;
    inner.push(...children(value));
  }
  if (def.type === 'lazy' && typeof def.getter === 'function') inner.push((def.getter as () => unknown)());
  return inner.some((child) => hasDirectionalPart(child, seen));
}

/**
 * The response serializer: fastify-type-provider-zod's (the response is checked against the
 * route's schema and stripped to it, a mismatch is a 500), but a schema with no directional part
 * is checked with a forward parse, which gives the same value and verdict at a third of the cost
 * of an encode (which runs a check-free "canary" pass before the real one and never takes zod's
 * compiled fast path for objects). A failed parse goes through the library's serializer, which
 * throws its ResponseSerializationError as before.
 */
export const responseSerializerCompiler: FastifySerializerCompiler<z.ZodType> = (route) => {
  const encoding = serializerCompiler(route as never);
  const schema = route.schema as z.ZodType | { properties: z.ZodType };
  const zodSchema = zodDef(schema) ? (schema as z.ZodType) : (schema as { properties: z.ZodType }).properties;
  if (!zodDef(zodSchema) || hasDirectionalPart(zodSchema)) return encoding;
  return (data) => {
    const result = zodSchema.safeParse(data);
    return result.success ? JSON.stringify(result.data) : encoding(data);
  };
};

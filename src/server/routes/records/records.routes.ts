import type { FastifyInstance } from 'fastify';
import { registerDisclosureRoutes } from './disclosures.routes.ts';
import { registerTable2Routes } from './table2.routes.ts';

/** The agency's records: the proactive disclosure register, and what table 二 counts (normative documents, figures). */
export async function registerRecordsRoutes(app: FastifyInstance): Promise<void> {
  await app.register(registerDisclosureRoutes);
  await app.register(registerTable2Routes);
}

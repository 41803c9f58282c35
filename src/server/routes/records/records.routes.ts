import type { FastifyInstance } from 'fastify';
import { registerDisclosureRoutes } from './disclosures.routes.ts';
import { registerTable2Routes } from './table2.routes.ts';

/** The agency's records behind table 二 and the proactive disclosure register: disclosure register, normative documents, figures. */
export async function registerRecordsRoutes(app: FastifyInstance): Promise<void> {
  await app.register(registerDisclosureRoutes);
  await app.register(registerTable2Routes);
}

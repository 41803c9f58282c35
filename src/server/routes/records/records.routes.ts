import type { FastifyInstance } from 'fastify';
import { registerDisclosureRoutes } from './disclosures.routes.ts';
import { registerRegisterRoutes } from './register.routes.ts';

/** The agency's records behind tables 二: proactive disclosure register, normative documents, figures. */
export async function registerRecordsRoutes(app: FastifyInstance): Promise<void> {
  await app.register(registerDisclosureRoutes);
  await app.register(registerRegisterRoutes);
}

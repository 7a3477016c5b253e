import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './database-global-setup.ts';
import { createDemoTemplate } from './demo-template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A database with the demo loaded as `npm start` loads it, for each browser file to copy. */
    demoTemplateDatabase: string;
  }
}

/**
 * The browser tier: PostgreSQL as for the database tier, plus the demo loaded once into a template
 * database. Each browser file copies it (CREATE DATABASE … TEMPLATE) instead of loading the demo
 * again: the same data, without about six seconds of loading per file.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await startTestPostgres();
  project.provide('adminDatabaseUrl', postgres.url);
  const template = await createDemoTemplate(postgres.url);
  project.provide('demoTemplateDatabase', template.name);
  return async () => {
    await template.drop();
    await postgres.stop();
  };
}

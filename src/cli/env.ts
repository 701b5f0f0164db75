import path from 'node:path';

/** The environment the README documents: PORT, DATA_DIR, DATABASE_URL, GUICHENG_DEMO_PASSWORD. */
export function readEnv() {
  return {
    port: Number.parseInt(process.env.PORT ?? '3000', 10),
    host: process.env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(process.env.DATA_DIR ?? './data'),
    databaseUrl: process.env.DATABASE_URL || undefined,
    demoPassword: process.env.GUICHENG_DEMO_PASSWORD || 'Guicheng@2026',
  };
}

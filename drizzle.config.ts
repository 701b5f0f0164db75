import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/kernel/**/schema.ts', './src/domains/**/schema.ts'],
  out: './drizzle',
});

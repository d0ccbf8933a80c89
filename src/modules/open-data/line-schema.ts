// The published JSON Schema of a bulk JSON Lines line (issue 14.3), generated from the contract's
// zod schema. The repository keeps the same text in docs/schemas/power-line.v1.schema.json (a test
// holds them equal), and the API serves it at a stable URL: /api/public/v1/schemas/power-line.v1.json.
import { z } from 'zod';
import { powerLineSchema } from '../../contract/open-data.js';

export const LINE_SCHEMA_PATH = '/api/public/v1/schemas/power-line.v1.json';

export function powerLineJsonSchema(): Record<string, unknown> {
  return {
    title: '权责清单批量数据 power-line v1',
    ...z.toJSONSchema(powerLineSchema, { target: 'draft-2020-12', io: 'output' }),
  };
}

/**
 * The file's text, to regenerate it after a change to the contract:
 * npx tsx -e "import('./src/modules/open-data/line-schema.ts').then((m) => process.stdout.write(m.powerLineJsonSchemaText()))" > docs/schemas/power-line.v1.schema.json
 * then `npx biome format --write docs/schemas` (the test compares the two as JSON).
 */
export const powerLineJsonSchemaText = () => `${JSON.stringify(powerLineJsonSchema(), null, 2)}\n`;

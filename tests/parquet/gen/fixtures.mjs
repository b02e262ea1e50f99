// SPDX-License-Identifier: Apache-2.0
// Regenerates the small committed fixtures in tests/parquet/data used by the
// malformed-file tests (which must run without node). Usage: node fixtures.mjs
import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'data');
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
await con.run(`COPY (
  SELECT CASE WHEN i % 4 = 0 THEN NULL ELSE i END::INTEGER AS id,
         'name-' || (i % 5) AS name,
         i * 1.5 AS amount,
         CASE WHEN i % 3 = 0 THEN NULL ELSE [i, i + 1] END AS tags
  FROM range(0, 3000) t(i)
) TO '${path.join(dir, 'small.parquet')}' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 2048)`);

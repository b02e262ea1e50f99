// SPDX-License-Identifier: Apache-2.0
// Writes the Parquet files that tests/review/tst_reviewchecks_parquet runs the
// built-in data checks on, with DuckDB:
//   orders.parquet      1000 rows in 4 row groups (ZSTD): id BIGINT unique and
//                       never null, customer VARCHAR, amount DECIMAL(10,2), day DATE
//   orders_bad.parquet  the same, but id 500 appears twice and customer is
//                       NULL in rows 7 and 907
// Usage: node checks.mjs <outdir>
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';

const out = process.argv[2];
if (!out) {
  console.error('usage: node checks.mjs <outdir>');
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
await con.run('SET threads=1');
const base = `
  SELECT i::BIGINT AS id, 'customer-' || (i % 37) AS customer,
         (i * 1.25)::DECIMAL(10,2) AS amount, DATE '2026-01-01' + (i % 300)::INTEGER AS day
  FROM range(0, 1000) t(i)`;
const opts = "(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 250)";
// One thread keeps range()'s order, so row numbers in messages are predictable.
await con.run(`COPY (${base}) TO '${path.join(out, 'orders.parquet')}' ${opts}`);
await con.run(`COPY (
  SELECT CASE WHEN id = 501 THEN 500 ELSE id END AS id,
         CASE WHEN id IN (7, 907) THEN NULL ELSE customer END AS customer, amount, day
  FROM (${base})
) TO '${path.join(out, 'orders_bad.parquet')}' ${opts}`);
console.log('orders.parquet\norders_bad.parquet');

// SPDX-License-Identifier: Apache-2.0
// Writes a large Parquet file with DuckDB for the preview's laziness test
// (tests/ui/tst_parquetpreview): <rows> rows of id BIGINT (0, 1, ...),
// name VARCHAR, v DECIMAL, k INTEGER and d DATE, ZSTD, DuckDB's default row
// groups (122880 rows). Usage: node large.mjs <outfile> <rows>
import { DuckDBInstance } from '@duckdb/node-api';

const [out, rows] = process.argv.slice(2);
if (!out || !rows) {
  console.error('usage: node large.mjs <outfile> <rows>');
  process.exit(2);
}
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
await con.run('SET threads=1');
await con.run(`COPY (
  SELECT i AS id, 'name-' || (i % 1000) AS name, i * 0.5 AS v, (i % 7)::INTEGER AS k,
         DATE '2020-01-01' + (i % 1000)::INTEGER AS d
  FROM range(0, ${Number(rows)}) t(i)
) TO '${out.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd)`);

// SPDX-License-Identifier: Apache-2.0
// DuckDB peer for the table diff benchmark: a keyed FULL OUTER JOIN on one
// thread that materialises the differing rows (added, removed, changed) and
// counts them, i.e. the same output Lakeside's diff produces.
// Usage: node duckdb_diff.mjs a.csv b.csv key
import { DuckDBInstance } from '@duckdb/node-api';

const [a, b, key] = process.argv.slice(2);
const t0 = performance.now();
const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
const con = await instance.connect();
await con.run('SET threads=1');
await con.run(`CREATE VIEW a AS SELECT * FROM read_csv('${a}')`);
await con.run(`CREATE VIEW b AS SELECT * FROM read_csv('${b}')`);
const cols = (await con.runAndReadAll(`SELECT column_name FROM (DESCRIBE a)`)).getRows().map((r) => r[0]);
const others = cols.filter((c) => c !== key);
const differs = others.map((c) => `a."${c}" IS DISTINCT FROM b."${c}"`).join(' OR ');
await con.run(`CREATE TABLE d AS
  SELECT CASE WHEN a."${key}" IS NULL THEN 'added' WHEN b."${key}" IS NULL THEN 'removed' ELSE 'changed' END AS status,
         ${others.map((c) => `a."${c}" AS "old_${c}", b."${c}" AS "new_${c}"`).join(', ')},
         coalesce(a."${key}", b."${key}") AS k
  FROM a FULL OUTER JOIN b ON a."${key}" = b."${key}"
  WHERE a."${key}" IS NULL OR b."${key}" IS NULL OR ${differs}`);
const counts = (await con.runAndReadAll(`SELECT status, count(*) FROM d GROUP BY status ORDER BY status`)).getRows();
const t1 = performance.now();
console.log(`duckdb_ms=${(t1 - t0).toFixed(0)} ${counts.map((r) => `${r[0]}=${r[1]}`).join(' ')}`);

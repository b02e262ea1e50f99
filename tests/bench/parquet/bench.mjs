// SPDX-License-Identifier: Apache-2.0
// DuckDB's side of the Parquet benchmarks (one thread), with the node modules
// of tests/parquet/gen.
//   node bench.mjs gen <dir>    writes old.parquet and new.parquet: 1 M rows,
//                               10 columns, DuckDB defaults (snappy, 122,880-row
//                               row groups); new differs in 100 consecutive rows
//                               and big.parquet: the same table with 3 M rows
//   node bench.mjs duck <dir>   best-of-3 times (ms) as JSON
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', '..', 'parquet', 'gen', 'package.json'));
const { DuckDBInstance } = await import(require.resolve('@duckdb/node-api'));
const [mode, dir] = process.argv.slice(2);
const con = await (await DuckDBInstance.create(':memory:')).connect();
await con.run('SET threads=1');
const f = (n) => `'${path.join(dir, n)}'`;
const cols = ['qty', 'small', 'price', 'name', 'colour', 'day', 'ts', 'amount', 'flag'];

if (mode === 'gen') {
  const table = (changed, rows = 1000000) => `SELECT i AS id, (i * 7 % 100000)::INTEGER AS qty, (i % 50)::INTEGER AS small,
    i * 0.25 AS price,
    CASE WHEN ${changed} AND i BETWEEN 500000 AND 500099 THEN 'changed-' || i ELSE 'customer-' || (i * 31 % 200000) END AS name,
    ['red', 'green', 'blue', 'cyan', 'magenta'][i % 5 + 1] AS colour,
    DATE '2020-01-01' + (i % 2000)::INTEGER AS day,
    TIMESTAMP '2020-01-01' + INTERVAL (i) SECOND AS ts,
    (i % 100000 / 100.0)::DECIMAL(18,2) AS amount,
    CASE WHEN i % 10 = 0 THEN NULL ELSE i % 3 = 0 END AS flag
    FROM range(0, ${rows}) t(i)`;
  await con.run(`COPY (${table('false')}) TO ${f('old.parquet')} (FORMAT parquet)`);
  await con.run(`COPY (${table('true')}) TO ${f('new.parquet')} (FORMAT parquet)`);
  await con.run(`COPY (${table('false', 3000000)}) TO ${f('big.parquet')} (FORMAT parquet)`);
} else if (mode === 'duck') {
  const best = async (sql) => {
    let ms = Infinity;
    let cpuMs = Infinity;
    let rows;
    for (let i = 0; i < 3; ++i) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      rows = (await con.runAndReadAll(sql)).getRowsJson();
      const c = process.cpuUsage(c0);
      ms = Math.min(ms, performance.now() - t0);
      cpuMs = Math.min(cpuMs, (c.user + c.system) / 1000);
    }
    return { ms: Math.round(ms * 10) / 10, cpuMs: Math.round(cpuMs * 10) / 10, result: rows[0][0] };
  };
  const scan = await best(`SELECT count(*), ${['id', ...cols].map((c) => `max(${c})`).join(', ')} FROM read_parquet(${f('old.parquet')})`);
  const distinct = cols.map((c) => `a.${c} IS DISTINCT FROM b.${c}`).join(' OR ');
  const diff = await best(`SELECT count(*) FROM read_parquet(${f('old.parquet')}) a
    FULL OUTER JOIN read_parquet(${f('new.parquet')}) b ON a.id = b.id
    WHERE a.id IS NULL OR b.id IS NULL OR ${distinct}`);
  const first = await best(`SELECT * FROM read_parquet(${f('big.parquet')}) LIMIT 1`);
  console.log(JSON.stringify({ scan, diff, first }));
} else {
  console.error('usage: node bench.mjs gen|duck <dir>');
  process.exit(2);
}

// SPDX-License-Identifier: Apache-2.0
// Writes Parquet files with DuckDB and hyparquet-writer into <outdir>, then
// dumps DuckDB's view of every file as <file>.json:
//   { "columns": [{"name", "type"}], "rows": [[text-or-null, ...], ...],
//     "stats": [[rowGroup, leafColumn, min, max, nullCount], ...] }
// Scalars are DuckDB's CAST(x AS VARCHAR); nested values are to_json(x).
// Usage: node gen.mjs <outdir>   (prints the file names, one a line)
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetWriteFile } from 'hyparquet-writer';
import fs from 'node:fs';
import path from 'node:path';

const out = process.argv[2];
if (!out) {
  console.error('usage: node gen.mjs <outdir>');
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
await con.run("SET TimeZone='UTC'");
await con.run('SET threads=1');
const files = [];
const q = (s) => `'${s.replaceAll("'", "''")}'`;

// Every flat type DuckDB writes, with nulls, repeats (dictionaries) and edge values.
const flatSelect = `
SELECT
  CASE WHEN i % 7 = 0 THEN NULL ELSE i % 3 = 0 END AS b,
  (i % 256 - 128)::TINYINT AS i8,
  CASE WHEN i % 11 = 0 THEN NULL ELSE (i * 37 % 65536 - 32768)::SMALLINT END AS i16,
  (i * 7919 - 2000000)::INTEGER AS i32,
  CASE WHEN i = 3 THEN 9223372036854775807 WHEN i = 4 THEN -9223372036854775808 ELSE i * 1000003 - 7 END::BIGINT AS i64,
  (i % 256)::UTINYINT AS u8,
  (i * 13 % 65536)::USMALLINT AS u16,
  CASE WHEN i = 5 THEN 4294967295 ELSE i * 101 END::UINTEGER AS u32,
  CASE WHEN i = 6 THEN 18446744073709551615 ELSE i * 100003 END::UBIGINT AS u64,
  CASE WHEN i % 13 = 0 THEN NULL ELSE (i / 8.0 - 100)::FLOAT END AS f32,
  CASE WHEN i = 8 THEN 'nan'::DOUBLE WHEN i = 9 THEN '-inf'::DOUBLE ELSE i * 0.1 - 3e5 END::DOUBLE AS f64,
  ((i % 9999) / 100.0 - 49)::DECIMAL(4,2) AS d4,
  (i * 1.001 - 5000)::DECIMAL(9,3) AS d9,
  (i * 123456.0001 - 1e9)::DECIMAL(18,4) AS d18,
  CASE WHEN i % 5 = 0 THEN NULL ELSE (i::DECIMAL(30,5) * 1234567890123.12345 - 99999999999999.5) END::DECIMAL(30,5) AS d30,
  CASE WHEN i % 17 = 0 THEN NULL WHEN i % 4 = 0 THEN 'same' ELSE 'value ' || i || ' ü ' || repeat('x', i % 20) END AS s,
  ('\\x00\\x01'::BLOB || ('bin' || i)::BLOB) AS bin,
  (DATE '1970-01-01' + (i * 37 - 20000)::INTEGER)::DATE AS dt,
  (TIME '00:00:00' + INTERVAL (i * 1234567) MICROSECOND)::TIME AS tm,
  (TIMESTAMP '2000-01-01' + INTERVAL (i * 987654321) MICROSECOND) AS ts,
  (TIMESTAMP '1960-01-01' + INTERVAL (i * 123456789) MILLISECOND)::TIMESTAMP_MS AS ts_ms,
  make_timestamp_ns(1577836800000000000 + i * 1234567891) AS ts_ns,
  (TIMESTAMPTZ '2010-06-01 00:00:00+00' + INTERVAL (i * 3600001) MILLISECOND) AS tstz,
  ('0000' || lpad(printf('%x', i), 4, '0') || '-1234-5678-9abc-def012345678')::UUID AS id
FROM range(0, 5000) t(i)`;

async function duck(name, sql, opts) {
  const file = path.join(out, name);
  await con.run(`COPY (${sql}) TO ${q(file)} (FORMAT parquet, ${opts})`);
  files.push(name);
}

for (const codec of ['uncompressed', 'snappy', 'gzip', 'zstd', 'lz4']) {
  await duck(`duckdb_flat_${codec}.parquet`, flatSelect, `COMPRESSION ${codec}, ROW_GROUP_SIZE 2048`);
}
await duck('duckdb_flat_v2.parquet', flatSelect, 'COMPRESSION zstd, ROW_GROUP_SIZE 3000, PARQUET_VERSION v2');
await duck('duckdb_nested.parquet', `
SELECT i AS id,
  CASE WHEN i % 5 = 0 THEN NULL ELSE [i, i + 1, NULL][1:(i % 4)] END AS ints,
  CASE WHEN i % 6 = 0 THEN NULL ELSE {'a': i, 'b': 's' || i, 'c': [i * 0.5]} END AS st,
  [{'k': 'x' || i, 'v': [i, i]}, NULL][1:(i % 3)] AS lst,
  CASE WHEN i % 4 = 0 THEN NULL ELSE [[i], [], NULL, [i, NULL]] END AS nested_lists,
  CASE WHEN i % 7 = 0 THEN NULL ELSE MAP {'k' || i: i, 'z': NULL} END AS m,
  {'p': CASE WHEN i % 2 = 0 THEN NULL ELSE {'q': i} END, 'r': 'x'} AS deep
FROM range(0, 700) t(i)`, 'COMPRESSION snappy, ROW_GROUP_SIZE 300');
await duck('duckdb_empty.parquet', 'SELECT 1::INTEGER AS a, \'x\' AS b WHERE false', 'COMPRESSION zstd');
await duck('duckdb_all_null.parquet', 'SELECT NULL::INTEGER AS a, NULL::VARCHAR AS b, i AS c FROM range(0, 3000) t(i)',
  'COMPRESSION snappy');
// Two versions of a table for the fingerprint-skipping diff: 5 changed rows
// in row group 2, ids 9998-9999 removed and 10000-10002 added at the end.
await duck('diff_old.parquet', `SELECT i AS id, 'v' || i AS s, i * 2 AS n FROM range(0, 10000) t(i)`,
  'COMPRESSION snappy, ROW_GROUP_SIZE 2048');
await duck('diff_new.parquet', `SELECT i AS id, CASE WHEN i BETWEEN 5000 AND 5004 THEN 'changed' ELSE 'v' || i END AS s,
  i * 2 AS n FROM range(0, 10003) t(i) WHERE i NOT IN (9998, 9999)`, 'COMPRESSION snappy, ROW_GROUP_SIZE 2048');

// hyparquet-writer: data pages v2 and the delta / byte-stream-split encodings.
const n = 3000;
const ints = Array.from({ length: n }, (_, i) => (i % 9 === 0 ? null : (i * 7919) % 100000 - 50000));
const bigs = Array.from({ length: n }, (_, i) => BigInt(i) * 1000000007n - 5000000000n);
const strs = Array.from({ length: n }, (_, i) => (i % 10 === 0 ? null : `prefix-${Math.floor(i / 3)}-${'z'.repeat(i % 7)}`));
const floats = Array.from({ length: n }, (_, i) => (i % 8 === 0 ? null : i / 4 - 100.25));
const doubles = Array.from({ length: n }, (_, i) => i * 1.000001 - 7.5);
const bools = Array.from({ length: n }, (_, i) => (i % 5 === 0 ? null : i % 3 === 0));
const dates = Array.from({ length: n }, (_, i) => new Date(Date.UTC(2001, 0, 1) + i * 86400000 * 3 + i * 1234));
function hyp(name, columnData, extra = {}) {
  parquetWriteFile({ filename: path.join(out, name), columnData, rowGroupSize: 1000, ...extra });
  files.push(name);
}
hyp('hyparquet_delta.parquet', [
  { name: 'i32', data: ints, type: 'INT32', encoding: 'DELTA_BINARY_PACKED' },
  { name: 'i64', data: bigs, type: 'INT64', encoding: 'DELTA_BINARY_PACKED', nullable: false },
  { name: 'dlba', data: strs, type: 'STRING', encoding: 'DELTA_LENGTH_BYTE_ARRAY' },
  { name: 'dba', data: strs, type: 'STRING', encoding: 'DELTA_BYTE_ARRAY' },
  { name: 'ts', data: dates, type: 'TIMESTAMP' },
]);
hyp('hyparquet_bss.parquet', [
  { name: 'f', data: floats, type: 'FLOAT', encoding: 'BYTE_STREAM_SPLIT' },
  { name: 'd', data: doubles, type: 'DOUBLE', encoding: 'BYTE_STREAM_SPLIT', nullable: false },
  // (DuckDB reads BYTE_STREAM_SPLIT only for FLOAT and DOUBLE, so no integers here.)
  { name: 'b', data: bools, type: 'BOOLEAN' },
  { name: 'b_rle', data: bools, type: 'BOOLEAN', encoding: 'RLE' },
]);
hyp('hyparquet_plain.parquet', [
  { name: 's', data: strs, type: 'STRING', encoding: 'PLAIN' },
  { name: 'i', data: ints, type: 'INT32', encoding: 'PLAIN' },
  { name: 'd', data: doubles, type: 'DOUBLE' },
], { codec: 'UNCOMPRESSED' });

// DuckDB's view of every file.
for (const name of files) {
  const file = path.join(out, name);
  const desc = (await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${q(file)})`)).getRowObjectsJson();
  const columns = desc.map((d) => ({ name: d.column_name, type: d.column_type }));
  const nested = (t) => /[\[\]]|^STRUCT|^MAP/.test(t);
  const exprs = columns.map((c) => {
    const id = `"${c.name.replaceAll('"', '""')}"`;
    return nested(c.type) ? `to_json(${id})::VARCHAR` : `CAST(${id} AS VARCHAR)`;
  });
  const sql = exprs.length ? `SELECT ${exprs.join(', ')} FROM read_parquet(${q(file)})` : 'SELECT 1 WHERE false';
  const rows = (await con.runAndReadAll(sql)).getRowsJson();
  const stats = (await con.runAndReadAll(`SELECT row_group_id, column_id, stats_min_value, stats_max_value,
    stats_null_count FROM parquet_metadata(${q(file)})`)).getRowsJson();
  fs.writeFileSync(`${file}.json`, JSON.stringify({ columns, rows, stats }));
  console.log(name);
}

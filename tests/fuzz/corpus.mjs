// SPDX-License-Identifier: Apache-2.0
// Writes small seed files for fuzz_parquet into <dir> (every codec, v1 and v2
// pages, dictionary/delta/byte-stream-split encodings, nested columns).
// Usage (from tests/parquet/gen, after npm ci): node ../../fuzz/corpus.mjs <dir>
import { createRequire } from 'node:module';
import path from 'node:path';
import fs from 'node:fs';

const require = createRequire(path.join(process.cwd(), 'package.json'));
const { DuckDBInstance } = await import(require.resolve('@duckdb/node-api'));
const { parquetWriteFile } = await import(require.resolve('hyparquet-writer'));
const dir = process.argv[2];
fs.mkdirSync(dir, { recursive: true });
const con = await (await DuckDBInstance.create(':memory:')).connect();
const sel = `SELECT i::INTEGER AS a, CASE WHEN i % 3 = 0 THEN NULL ELSE 's' || (i % 4) END AS s,
  i * 0.5 AS d, (i * 1.25)::DECIMAL(20,2) AS dec, DATE '2020-01-01' + i::INTEGER AS dt,
  TIMESTAMP '2020-01-01' + INTERVAL (i) SECOND AS ts, i % 2 = 0 AS b, [i, NULL] AS l,
  {'x': i, 'y': [s]} AS st FROM (SELECT i, 'q' || i AS s FROM range(0, 40) t(i))`;
for (const c of ['uncompressed', 'snappy', 'gzip', 'zstd', 'lz4']) {
  await con.run(`COPY (${sel}) TO '${path.join(dir, `duck_${c}.parquet`)}' (FORMAT parquet, COMPRESSION ${c}, ROW_GROUP_SIZE 20)`);
}
await con.run(`COPY (${sel}) TO '${path.join(dir, 'duck_v2.parquet')}' (FORMAT parquet, COMPRESSION uncompressed, PARQUET_VERSION v2)`);
const n = 40;
parquetWriteFile({
  filename: path.join(dir, 'hyp.parquet'), codec: 'UNCOMPRESSED', rowGroupSize: 20,
  columnData: [
    { name: 'i', data: Array.from({ length: n }, (_, i) => (i % 5 ? i * 3 : null)), type: 'INT32', encoding: 'DELTA_BINARY_PACKED' },
    { name: 's', data: Array.from({ length: n }, (_, i) => `p${i >> 2}`), type: 'STRING', encoding: 'DELTA_BYTE_ARRAY' },
    { name: 't', data: Array.from({ length: n }, (_, i) => `v${i}`), type: 'STRING', encoding: 'DELTA_LENGTH_BYTE_ARRAY' },
    { name: 'f', data: Array.from({ length: n }, (_, i) => i / 3), type: 'DOUBLE', encoding: 'BYTE_STREAM_SPLIT' },
    { name: 'b', data: Array.from({ length: n }, (_, i) => i % 3 === 0), type: 'BOOLEAN', encoding: 'RLE' },
  ],
});

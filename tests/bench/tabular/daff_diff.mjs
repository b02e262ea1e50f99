// SPDX-License-Identifier: Apache-2.0
// daff peer for the table diff benchmark, through its node API (the same work
// as `daff --id <key> a.csv b.csv`): parse both CSVs, align on the key,
// build the highlighted diff table and count its rows by status.
// Usage: node daff_diff.mjs a.csv b.csv key
import fs from 'node:fs';
import daff from 'daff';

const [a, b, key] = process.argv.slice(2);
const t0 = performance.now();
const csv = new daff.Csv();
const ta = csv.makeTable(fs.readFileSync(a, 'utf8'));
const tb = csv.makeTable(fs.readFileSync(b, 'utf8'));
const flags = new daff.CompareFlags();
flags.addPrimaryKey(key);
const alignment = daff.compareTables(ta, tb, flags).align();
const out = new daff.TableView([]);
new daff.TableDiff(alignment, flags).hilite(out);
const counts = {};
for (let r = 0; r < out.height; r++) {
  const tag = out.getCell(0, r);
  counts[tag] = (counts[tag] || 0) + 1;
}
const t1 = performance.now();
console.log(`daff_ms=${(t1 - t0).toFixed(0)} added=${counts['+++'] || 0} removed=${counts['---'] || 0} changed=${counts['->'] || 0}`);

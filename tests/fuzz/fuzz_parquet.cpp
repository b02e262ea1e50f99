// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the Parquet reader: any bytes go through open, every
// column of every row group (flat and nested), fingerprints and the table
// source. The reader must return errors, never crash, hang or read out of
// bounds. Build and run: see docs/parquet.md ("Fuzzing").
#include "parquet/fieldtext.h"
#include "parquet/parquetfile.h"
#include "parquet/parquettablesource.h"
#include "parquet/statistics.h"

#include <cstddef>
#include <cstdint>

using namespace lakeside::parquet;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    auto file = ParquetFile::fromBuffer(FileBuffer::fromBytes(std::vector<uint8_t>(data, data + size)), "fuzz");
    if (!file.ok())
        return 0;
    const ParquetFile& f = **file;
    for (int g = 0; g < f.numRowGroups(); ++g) {
        (void)f.rowGroupFingerprint(g);
        for (int c = 0; c < int(f.schema().columns().size()); ++c) {
            (void)f.readColumn(g, c);
            (void)columnStatisticsText(f, g, c);
        }
        for (int t = 0; t < int(f.schema().topFields().size()); ++t)
            (void)readFieldText(f, g, t);
    }
    auto source = ParquetTableSource::fromFile(*file);
    if (source.ok()) {
        lakeside::tabular::Row row;
        for (int i = 0; i < 100000; ++i) {
            auto r = (*source)->next(row);
            if (!r.ok() || !*r)
                break;
        }
    }
    return 0;
}

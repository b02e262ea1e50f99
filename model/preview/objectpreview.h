// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the Objects tab shows for one object: the first rows of a table
// (CSV/TSV/NDJSON through lakeside_tabular), pretty-printed JSON, text, the
// bytes of an image (decoded by the UI, which owns QtGui), or a note that
// the object is binary. Only the first `maxBytes` are downloaded; a larger
// object is previewed from its beginning and marked truncated. Parquet
// objects are only recognised here (Kind::Parquet, nothing downloaded): they
// are read through parquetpreview.h and ParquetRowModel, lazily.
//
// Pure function over the Backend; call it off the UI thread. Thread-safe.

#include <QByteArray>
#include <QString>

#include "api/backend.h"
#include "models/previewtablemodel.h"

namespace lakeside {

struct ObjectPreview {
    enum class Kind { Table, Json, Text, Image, Binary, Error, Parquet };
    Kind kind = Kind::Binary;
    QString path;
    qint64 size = 0;       // the object's full size
    bool truncated = false; // only the beginning was read
    PreviewTable table;     // Table
    QString text;           // Json, Text; Error: the message
    QByteArray bytes;       // Image
    int rows = 0;           // rows shown (table) or lines (text)
};

struct PreviewLimits {
    qint64 maxBytes = 2 * 1024 * 1024;
    int maxRows = 1000;
};

// Which kind an object's name suggests (the content may still downgrade a
// Text guess to Binary).
ObjectPreview::Kind previewKindForPath(const QString& path);

ObjectPreview loadObjectPreview(Backend& backend, const std::string& repo, const std::string& ref,
                                const std::string& path, const PreviewLimits& limits, const OpContext& ctx);

} // namespace lakeside

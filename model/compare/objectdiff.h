// SPDX-License-Identifier: Apache-2.0
#pragma once
// Computes the diff of one changed object between two refs, chosen by its
// content: tables (CSV/TSV/NDJSON/Parquet, by extension) through
// lakeside_tabular, text through diffLines, anything else as size + checksum.
//
// Both versions are fetched to a temporary directory that lives as long as
// the outcome (tables are read lazily from it). Text larger than
// kMaxTextBytes per side, or whose line table would be too large, is reported
// with tooLarge = true rather than diffed.
//
// Parquet's table opener is registered on first use (once per process).
//
// Thread safety: run computeObjectDiff in a job (JobTracker); it only uses its
// arguments and the Backend (thread-safe). Errors are values in `error`.

#include "api/backend.h"
#include "compare/linediff.h"
#include "tabular/tablediffresult.h"

#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lakeside::compare {

enum class ContentKind { Text, Table, Binary };

// Table by extension; otherwise text when the sample has no NUL byte and is
// valid UTF-8; otherwise binary.
ContentKind contentKindFor(const QString& path, const QByteArray& sample);

inline constexpr qint64 kMaxTextBytes = 4 * 1024 * 1024;

struct ObjectSide {
    bool present = false;
    qint64 size = 0;
    QString checksum;
};

struct ObjectDiff {
    QString error; // non-empty: nothing else is meaningful
    ContentKind kind = ContentKind::Binary;
    ObjectSide oldSide, newSide;
    // Text
    QStringList oldLines, newLines;
    LineDiff lines;
    bool tooLarge = false;
    // Table
    std::optional<tabular::TableDiffResult> table;
    std::shared_ptr<QTemporaryDir> files; // keeps the fetched versions alive
};

struct ObjectDiffRequest {
    std::string repo;
    std::string leftRef;  // empty side (added object) is handled by `entry.type`
    std::string rightRef;
    DiffEntry entry;
    std::vector<std::string> keyColumns; // empty: detect
};

// onPartialTable (optional): snapshots of a table diff while it runs (see
// TableDiffOptions::onPartial), called on the calling (worker) thread; the
// final result is still in the returned ObjectDiff.
ObjectDiff computeObjectDiff(Backend& backend, const ObjectDiffRequest& request, const OpContext& ctx,
                             const std::function<void(const tabular::TableDiffResult&)>& onPartialTable = {});

} // namespace lakeside::compare

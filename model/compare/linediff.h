// SPDX-License-Identifier: Apache-2.0
#pragma once
// Line diff for the Compare tab's text view, and the character runs that
// changed inside a pair of lines (intra-line highlighting).
//
// Algorithm: common prefix and suffix are trimmed, then the middle is aligned
// by a longest-common-subsequence table. The table is bounded: when
// (old middle lines) x (new middle lines) exceeds `maxCells` the diff refuses
// with tooLarge = true instead of using unbounded memory; the caller shows a
// "too large to compare as text" message.
//
// Thread safety: pure functions; run them in a job (JobTracker), never on the
// UI thread for large inputs.

#include <QList>
#include <QString>
#include <QStringList>

namespace lakeside::compare {

struct LineOp {
    enum Kind { Equal, Delete, Insert };
    Kind kind = Equal;
    int oldLine = -1; // 0-based index into the old lines, -1 for Insert
    int newLine = -1; // 0-based index into the new lines, -1 for Delete
    bool operator==(const LineOp&) const = default;
};

struct LineDiff {
    QList<LineOp> ops; // in display order: deletes of a hunk before its inserts
    bool tooLarge = false;
    int inserted = 0;
    int deleted = 0;
};

LineDiff diffLines(const QStringList& oldLines, const QStringList& newLines, qint64 maxCells = 25'000'000);

// A changed run inside one line: [start, start + length).
struct CharRun {
    int start = 0;
    int length = 0;
    bool operator==(const CharRun&) const = default;
};

struct IntraLine {
    QList<CharRun> oldRuns; // characters of the old line not in the new one
    QList<CharRun> newRuns; // characters of the new line not in the old one
};

// Character-level LCS of two lines (bounded like diffLines; past the bound the
// whole differing middle is one run on each side).
IntraLine diffChars(const QString& oldLine, const QString& newLine, qint64 maxCells = 1'000'000);

// Splits text into lines ("\n", "\r\n"); a final newline adds no empty line.
QStringList splitLines(const QString& text);

} // namespace lakeside::compare

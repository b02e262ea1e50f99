// SPDX-License-Identifier: Apache-2.0
#include "compare/linediff.h"

#include <vector>

namespace lakeside::compare {

namespace {

// Aligns a[lo..] and b[lo..] (already trimmed) by LCS and reports the edit
// script through emit(kind, i, j). Returns false when over the bound.
template <class Seq, class Emit>
bool lcsAlign(const Seq& a, const Seq& b, int aLo, int aHi, int bLo, int bHi, qint64 maxCells, Emit report)
{
    const int n = aHi - aLo;
    const int m = bHi - bLo;
    if (qint64(n + 1) * qint64(m + 1) > maxCells) return false;
    // table[i][j] = LCS length of a[aLo+i..aHi) and b[bLo+j..bHi)
    std::vector<int> table(size_t(n + 1) * size_t(m + 1), 0);
    auto at = [&](int i, int j) -> int& { return table[size_t(i) * size_t(m + 1) + size_t(j)]; };
    for (int i = n - 1; i >= 0; --i)
        for (int j = m - 1; j >= 0; --j)
            at(i, j) = a[aLo + i] == b[bLo + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    int i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[aLo + i] == b[bLo + j]) {
            report(LineOp::Equal, aLo + i, bLo + j);
            ++i, ++j;
        } else if (j >= m || (i < n && at(i + 1, j) >= at(i, j + 1))) {
            report(LineOp::Delete, aLo + i, -1);
            ++i;
        } else {
            report(LineOp::Insert, -1, bLo + j);
            ++j;
        }
    }
    return true;
}

// Moves each hunk's deletes before its inserts so a hunk reads "old, then new".
void groupHunks(QList<LineOp>& ops)
{
    QList<LineOp> out;
    out.reserve(ops.size());
    QList<LineOp> dels, ins;
    auto flush = [&] { out += dels; out += ins; dels.clear(); ins.clear(); };
    for (const LineOp& op : ops) {
        if (op.kind == LineOp::Equal) { flush(); out.append(op); }
        else if (op.kind == LineOp::Delete) dels.append(op);
        else ins.append(op);
    }
    flush();
    ops = std::move(out);
}

} // namespace

LineDiff diffLines(const QStringList& oldLines, const QStringList& newLines, qint64 maxCells)
{
    LineDiff d;
    const int n = int(oldLines.size());
    const int m = int(newLines.size());
    int pre = 0;
    while (pre < n && pre < m && oldLines[pre] == newLines[pre]) ++pre;
    int suf = 0;
    while (suf < n - pre && suf < m - pre && oldLines[n - 1 - suf] == newLines[m - 1 - suf]) ++suf;
    for (int k = 0; k < pre; ++k) d.ops.append({LineOp::Equal, k, k});
    QList<LineOp> middle;
    const bool ok = lcsAlign(oldLines, newLines, pre, n - suf, pre, m - suf, maxCells,
                             [&](LineOp::Kind k, int i, int j) { middle.append({k, i, j}); });
    if (!ok) {
        d.ops.clear();
        d.tooLarge = true;
        return d;
    }
    groupHunks(middle);
    d.ops += middle;
    for (int k = 0; k < suf; ++k) d.ops.append({LineOp::Equal, n - suf + k, m - suf + k});
    for (const LineOp& op : std::as_const(d.ops)) {
        if (op.kind == LineOp::Insert) ++d.inserted;
        if (op.kind == LineOp::Delete) ++d.deleted;
    }
    return d;
}

IntraLine diffChars(const QString& oldLine, const QString& newLine, qint64 maxCells)
{
    IntraLine r;
    const int n = int(oldLine.size());
    const int m = int(newLine.size());
    int pre = 0;
    while (pre < n && pre < m && oldLine[pre] == newLine[pre]) ++pre;
    int suf = 0;
    while (suf < n - pre && suf < m - pre && oldLine[n - 1 - suf] == newLine[m - 1 - suf]) ++suf;
    auto addRun = [](QList<CharRun>& runs, int pos) {
        if (!runs.isEmpty() && runs.last().start + runs.last().length == pos) ++runs.last().length;
        else runs.append({pos, 1});
    };
    const bool ok = lcsAlign(oldLine, newLine, pre, n - suf, pre, m - suf, maxCells, [&](LineOp::Kind k, int i, int j) {
        if (k == LineOp::Delete) addRun(r.oldRuns, i);
        else if (k == LineOp::Insert) addRun(r.newRuns, j);
    });
    if (!ok) {
        r.oldRuns.clear();
        r.newRuns.clear();
        if (n - suf > pre) r.oldRuns.append({pre, n - suf - pre});
        if (m - suf > pre) r.newRuns.append({pre, m - suf - pre});
    }
    return r;
}

QStringList splitLines(const QString& text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty()) lines.removeLast();
    for (QString& l : lines)
        if (l.endsWith(QLatin1Char('\r'))) l.chop(1);
    return lines;
}

} // namespace lakeside::compare

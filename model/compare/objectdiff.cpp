// SPDX-License-Identifier: Apache-2.0
#include "compare/objectdiff.h"

#include "compare/absenttablesource.h"

#include "parquet/parquettablesource.h"
#include "tabular/opentable.h"
#include "tabular/tablediff.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>


namespace lakeside::compare {

ContentKind contentKindFor(const QString& path, const QByteArray& sample)
{
    if (tabular::formatFromPath(path.toStdString()) != tabular::TableFormat::Auto
        && !path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return ContentKind::Table;
    if (sample.contains('\0')) return ContentKind::Binary;
    QStringDecoder decoder(QStringDecoder::Utf8);
    (void)decoder.decode(sample);
    // A sample may cut a multi-byte sequence at its end; only hard errors count.
    return decoder.hasError() ? ContentKind::Binary : ContentKind::Text;
}

namespace {

// Fetches ref:path into `file`; fills `side`. Returns an error message or "".
QString fetch(Backend& backend, const std::string& repo, const std::string& ref, const std::string& path,
              const QString& file, ObjectSide& side, const OpContext& ctx)
{
    auto stat = backend.statObject(repo, ref, path);
    if (!stat.ok()) return QString::fromStdString(stat.error().message);
    side.present = true;
    side.size = stat->size_bytes;
    side.checksum = QString::fromStdString(stat->checksum);
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly)) return QObject::tr("Cannot write %1: %2").arg(file, out.errorString());
    const Status st = backend.getObject(repo, ref, path, [&](const char* data, int64_t len) {
        return !ctx.isCancelled() && out.write(data, len) == len;
    }, std::nullopt, ctx);
    if (!st.ok()) return QString::fromStdString(st.message());
    if (ctx.isCancelled()) return QObject::tr("Cancelled");
    return {};
}

QByteArray readAll(const QString& file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Result<tabular::TableDiffResult> oneSidedTableDiff(const QString& file, bool isOld, const std::string& path,
                                                   const tabular::TableDiffOptions& options)
{
    auto present = tabular::openTable(file.toStdString());
    if (!present.ok()) return present.error();
    AbsentTableSource absent(path + (isOld ? " (absent in the new ref)" : " (absent in the old ref)"));
    tabular::TableDiffOptions o = options;
    o.keyColumns.clear(); // a key cannot exist on a side without columns
    return isOld ? tabular::diffTables(**present, absent, o) : tabular::diffTables(absent, **present, o);
}

} // namespace

ObjectDiff computeObjectDiff(Backend& backend, const ObjectDiffRequest& request, const OpContext& ctx,
                             const std::function<void(const tabular::TableDiffResult&)>& onPartialTable)
{
    // Parquet plugs into openTable() by registration; once per process is enough.
    parquet::registerParquetTableOpener();
    ObjectDiff d;
    d.files = std::make_shared<QTemporaryDir>();
    if (!d.files->isValid()) {
        d.error = QObject::tr("Cannot create a temporary directory");
        return d;
    }
    const QString path = QString::fromStdString(request.entry.path);
    const QString suffix = QFileInfo(path).suffix().isEmpty() ? QString() : QLatin1Char('.') + QFileInfo(path).suffix();
    const QString oldFile = d.files->filePath(QStringLiteral("old") + suffix);
    const QString newFile = d.files->filePath(QStringLiteral("new") + suffix);
    const bool hasOld = request.entry.type != DiffType::Added;
    const bool hasNew = request.entry.type != DiffType::Removed;
    if (hasOld) {
        d.error = fetch(backend, request.repo, request.leftRef, request.entry.path, oldFile, d.oldSide, ctx);
        if (!d.error.isEmpty()) return d;
    } else {
        QFile(oldFile).open(QIODevice::WriteOnly);
    }
    if (hasNew) {
        d.error = fetch(backend, request.repo, request.rightRef, request.entry.path, newFile, d.newSide, ctx);
        if (!d.error.isEmpty()) return d;
    } else {
        QFile(newFile).open(QIODevice::WriteOnly);
    }

    QFile sampleFile(hasNew ? newFile : oldFile);
    QByteArray sample;
    if (sampleFile.open(QIODevice::ReadOnly)) sample = sampleFile.read(64 * 1024);
    d.kind = contentKindFor(path, sample);

    if (d.kind == ContentKind::Table) {
        tabular::TableDiffOptions options;
        options.keyColumns = request.keyColumns;
        options.context = &ctx;
        options.onPartial = onPartialTable;
        if (hasOld && hasNew) {
            auto result = tabular::diffTableFiles(oldFile.toStdString(), newFile.toStdString(), options);
            if (!result.ok()) {
                d.error = QString::fromStdString(result.error().message);
                return d;
            }
            d.table = std::move(result).value();
            return d;
        }
        // Added or removed: the present side against a table with no columns,
        // so every column and every row shows as added (or removed).
        auto result = oneSidedTableDiff(hasOld ? oldFile : newFile, hasOld, request.entry.path, options);
        if (result.ok()) {
            d.table = std::move(result).value();
            return d;
        }
        if (ctx.isCancelled()) {
            d.error = QObject::tr("Cancelled");
            return d;
        }
        d.kind = ContentKind::Text; // not readable as a table: show its lines instead
    }
    if (d.kind == ContentKind::Text) {
        if (d.oldSide.size > kMaxTextBytes || d.newSide.size > kMaxTextBytes) {
            d.tooLarge = true;
            return d;
        }
        d.oldLines = splitLines(QString::fromUtf8(readAll(oldFile)));
        d.newLines = splitLines(QString::fromUtf8(readAll(newFile)));
        d.lines = diffLines(d.oldLines, d.newLines);
        d.tooLarge = d.lines.tooLarge;
    }
    return d;
}

} // namespace lakeside::compare

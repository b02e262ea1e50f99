// SPDX-License-Identifier: Apache-2.0
#include "objectpreview.h"

#include "session/qtconvert.h"
#include "tabular/opentable.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QStringDecoder>

#include <cstring>

namespace lakeside {

ObjectPreview::Kind previewKindForPath(const QString& path)
{
    const QString ext = QFileInfo(path).suffix().toLower();
    static const QStringList table = {QStringLiteral("csv"), QStringLiteral("tsv"), QStringLiteral("tab"),
                                      QStringLiteral("ndjson"), QStringLiteral("jsonl")};
    static const QStringList image = {QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("jpeg"),
                                      QStringLiteral("gif"), QStringLiteral("bmp"), QStringLiteral("webp"),
                                      QStringLiteral("svg"), QStringLiteral("ico")};
    if (table.contains(ext)) return ObjectPreview::Kind::Table;
    if (ext == QLatin1String("json")) return ObjectPreview::Kind::Json;
    if (ext == QLatin1String("parquet") || ext == QLatin1String("pq")) return ObjectPreview::Kind::Parquet;
    if (image.contains(ext)) return ObjectPreview::Kind::Image;
    return ObjectPreview::Kind::Text;
}

namespace {

// The bytes are in memory; each call of the factory re-reads them from the start.
tabular::ByteSourceFactory memoryBytes(const QByteArray& bytes)
{
    return [bytes]() -> Result<ByteSource> {
        auto offset = std::make_shared<qsizetype>(0);
        return ByteSource([bytes, offset](char* buf, int64_t cap) -> int64_t {
            const qsizetype n = std::min<qsizetype>(qsizetype(cap), bytes.size() - *offset);
            std::memcpy(buf, bytes.constData() + *offset, size_t(n));
            *offset += n;
            return int64_t(n);
        });
    };
}

// Reads up to maxRows rows; `error` says why reading stopped early, if it did.
// A cut-off last record is expected when only the beginning was downloaded.
void readTable(ObjectPreview& p, const QByteArray& bytes, const std::string& path, int maxRows,
               const OpContext& ctx, QString* error)
{
    tabular::ReadOptions opts;
    opts.format = tabular::formatFromPath(path);
    auto source = tabular::openTable(memoryBytes(bytes), path, opts);
    if (!source.ok()) {
        *error = qs(source.error().message);
        return;
    }
    for (const auto& c : (*source)->schema().columns) p.table.header << qs(c.name);
    tabular::Row row;
    while (int(p.table.rows.size()) < maxRows && !ctx.isCancelled()) {
        auto more = (*source)->next(row);
        if (!more.ok()) {
            if (!p.truncated) *error = qs(more.error().message);
            return;
        }
        if (!*more) return;
        QStringList cells;
        QVector<bool> nulls;
        for (const auto& c : row.cells) {
            cells << QString::fromUtf8(c.text.data(), qsizetype(c.text.size()));
            nulls << c.null;
        }
        p.table.rows << cells;
        p.table.nulls << nulls;
    }
    p.truncated = true; // more rows than shown
}

} // namespace

ObjectPreview loadObjectPreview(Backend& backend, const std::string& repo, const std::string& ref,
                                const std::string& path, const PreviewLimits& limits, const OpContext& ctx)
{
    ObjectPreview p;
    p.path = qs(path);
    auto stat = backend.statObject(repo, ref, path);
    if (!stat.ok()) {
        p.kind = ObjectPreview::Kind::Error;
        p.text = qs(stat.error().message);
        return p;
    }
    p.size = stat->size_bytes;
    if (previewKindForPath(p.path) == ObjectPreview::Kind::Parquet) {
        p.kind = ObjectPreview::Kind::Parquet; // read lazily by the caller (parquetpreview.h)
        return p;
    }
    QByteArray bytes;
    std::optional<ByteRange> range;
    if (p.size > limits.maxBytes) {
        range = ByteRange{0, limits.maxBytes - 1};
        p.truncated = true;
    }
    Status st = backend.getObject(
        repo, ref, path,
        [&](const char* data, int64_t len) {
            bytes.append(data, qsizetype(len));
            return !ctx.isCancelled() && bytes.size() <= limits.maxBytes;
        },
        range, ctx);
    if (!st.ok()) {
        p.kind = ObjectPreview::Kind::Error;
        p.text = qs(st.message());
        return p;
    }

    p.kind = previewKindForPath(p.path);
    if (p.kind == ObjectPreview::Kind::Image) {
        p.bytes = bytes;
        return p;
    }
    if (p.kind == ObjectPreview::Kind::Table) {
        QString error;
        readTable(p, bytes, path, limits.maxRows, ctx, &error);
        p.rows = int(p.table.rows.size());
        if (error.isEmpty()) return p;
        // Unreadable as a table: say why (file, line, column) and show the text.
        p.kind = ObjectPreview::Kind::Error;
        p.text = error;
        return p;
    }
    if (p.kind == ObjectPreview::Kind::Json && !p.truncated) {
        QJsonParseError perr;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &perr);
        if (perr.error == QJsonParseError::NoError) {
            p.text = QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
            p.rows = int(p.text.count(u'\n'));
            return p;
        }
    }
    // Text, or JSON that did not parse / was cut: show it as text when it is text.
    if (bytes.contains('\0')) {
        p.kind = ObjectPreview::Kind::Binary;
        return p;
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(bytes);
    if (decoder.hasError() && !p.truncated) {
        p.kind = ObjectPreview::Kind::Binary;
        return p;
    }
    p.kind = ObjectPreview::Kind::Text;
    p.text = text;
    p.rows = int(text.count(u'\n'));
    return p;
}

} // namespace lakeside

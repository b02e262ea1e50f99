// SPDX-License-Identifier: Apache-2.0
#include "parquetpreview.h"

#include "parquet/filebuffer.h"
#include "parquet/statistics.h"
#include "session/qtconvert.h"

#include <QDir>
#include <QLocale>
#include <QTemporaryFile>

namespace lakeside {

namespace {

using namespace parquet;

const char* unitName(TimeUnit u)
{
    switch (u) {
    case TimeUnit::Millis: return "ms";
    case TimeUnit::Micros: return "us";
    case TimeUnit::Nanos: return "ns";
    }
    return "?";
}

const char* convertedTypeName(ConvertedType t)
{
    switch (t) {
    case ConvertedType::None: return "";
    case ConvertedType::Utf8: return "UTF8";
    case ConvertedType::Map: return "MAP";
    case ConvertedType::MapKeyValue: return "MAP_KEY_VALUE";
    case ConvertedType::List: return "LIST";
    case ConvertedType::Enum: return "ENUM";
    case ConvertedType::Decimal: return "DECIMAL";
    case ConvertedType::Date: return "DATE";
    case ConvertedType::TimeMillis: return "TIME_MILLIS";
    case ConvertedType::TimeMicros: return "TIME_MICROS";
    case ConvertedType::TimestampMillis: return "TIMESTAMP_MILLIS";
    case ConvertedType::TimestampMicros: return "TIMESTAMP_MICROS";
    case ConvertedType::Uint8: return "UINT_8";
    case ConvertedType::Uint16: return "UINT_16";
    case ConvertedType::Uint32: return "UINT_32";
    case ConvertedType::Uint64: return "UINT_64";
    case ConvertedType::Int8: return "INT_8";
    case ConvertedType::Int16: return "INT_16";
    case ConvertedType::Int32: return "INT_32";
    case ConvertedType::Int64: return "INT_64";
    case ConvertedType::Json: return "JSON";
    case ConvertedType::Bson: return "BSON";
    case ConvertedType::Interval: return "INTERVAL";
    }
    return "";
}

QString physicalText(const ColumnDescriptor& c)
{
    QString s = QString::fromLatin1(physicalTypeName(c.type));
    if (c.type == PhysicalType::FixedLenByteArray) s += u'(' + QString::number(c.typeLength) + u')';
    return s;
}

// The leaf's own repetition says whether it may be null; repeated leaves
// (and leaves inside lists) hold any number of values per row.
QString nullabilityText(const SchemaElement& e, const ColumnDescriptor& c)
{
    if (e.repetition == Repetition::Repeated) return QObject::tr("repeated");
    if (c.maxRep > 0) return QObject::tr("nullable, in a list");
    return c.maxDef > 0 ? QObject::tr("nullable") : QObject::tr("required");
}

QString size(int64_t bytes) { return QLocale().formattedDataSize(bytes); } // as the object tree spells sizes

QString statisticsText(const ParquetFile& file, int rowGroup, int column)
{
    const ColumnStatisticsText st = columnStatisticsText(file, rowGroup, column);
    QString s;
    if (st.min || st.max)
        s = qs(st.min.value_or(std::string())) + QStringLiteral(" … ") + qs(st.max.value_or(std::string()));
    if (st.nullCount && *st.nullCount > 0) {
        if (!s.isEmpty()) s += QStringLiteral(" · ");
        s += *st.nullCount == 1 ? QObject::tr("1 null") : QObject::tr("%1 nulls").arg(*st.nullCount);
    }
    return s;
}

} // namespace

QString parquetLogicalTypeText(const SchemaElement& e)
{
    const LogicalType& lt = e.logicalType;
    switch (lt.kind) {
    case LogicalType::String: return QStringLiteral("STRING");
    case LogicalType::Map: return QStringLiteral("MAP");
    case LogicalType::List: return QStringLiteral("LIST");
    case LogicalType::Enum: return QStringLiteral("ENUM");
    case LogicalType::Decimal: return QStringLiteral("DECIMAL(%1,%2)").arg(lt.precision).arg(lt.scale);
    case LogicalType::Date: return QStringLiteral("DATE");
    case LogicalType::Time:
    case LogicalType::Timestamp:
        return QStringLiteral("%1(%2, %3)")
            .arg(lt.kind == LogicalType::Time ? QStringLiteral("TIME") : QStringLiteral("TIMESTAMP"),
                 QLatin1String(unitName(lt.unit)), lt.adjustedToUtc ? QStringLiteral("UTC") : QStringLiteral("local"));
    case LogicalType::Integer:
        return QStringLiteral("INTEGER(%1, %2)").arg(lt.bitWidth).arg(lt.isSigned ? QStringLiteral("signed")
                                                                                  : QStringLiteral("unsigned"));
    case LogicalType::Unknown: return QStringLiteral("UNKNOWN (always null)");
    case LogicalType::Json: return QStringLiteral("JSON");
    case LogicalType::Bson: return QStringLiteral("BSON");
    case LogicalType::Uuid: return QStringLiteral("UUID");
    case LogicalType::Float16: return QStringLiteral("FLOAT16");
    case LogicalType::Other: return QStringLiteral("(unknown logical type)");
    case LogicalType::None: break;
    }
    if (e.convertedType == ConvertedType::Decimal)
        return QStringLiteral("DECIMAL(%1,%2)").arg(e.precision).arg(e.scale);
    return QLatin1String(convertedTypeName(e.convertedType));
}

ParquetPreview describeParquetFile(std::shared_ptr<const ParquetFile> file)
{
    ParquetPreview p;
    p.size = qint64(file->size());
    p.createdBy = qs(file->metadata().createdBy);
    const Schema& schema = file->schema();
    p.schema.header = {QObject::tr("Column"), QObject::tr("Physical type"), QObject::tr("Logical type"),
                       QObject::tr("Nullability")};
    for (const ColumnDescriptor& c : schema.columns()) {
        const SchemaElement& e = schema.nodes()[size_t(c.node)].element;
        p.schema.rows << QStringList{qs(c.path), physicalText(c), parquetLogicalTypeText(e), nullabilityText(e, c)};
        p.schema.nulls << QVector<bool>(4, false);
    }

    p.rowGroups.header = {QObject::tr("Row group"), QObject::tr("First row"), QObject::tr("Rows"),
                          QObject::tr("Compressed"), QObject::tr("Uncompressed"), QObject::tr("Codec")};
    const int columns = int(schema.columns().size());
    for (const ColumnDescriptor& c : schema.columns()) p.rowGroups.header << qs(c.path) + QObject::tr(" (min … max)");
    for (int g = 0; g < file->numRowGroups(); ++g) {
        int64_t compressed = 0, uncompressed = 0;
        QStringList codecs;
        QStringList stats;
        for (int c = 0; c < columns; ++c) {
            const ColumnMetaData& m = file->chunk(g, c).meta;
            compressed += m.totalCompressedSize;
            uncompressed += m.totalUncompressedSize;
            const QString codec = QLatin1String(codecName(m.codec));
            if (!codecs.contains(codec)) codecs << codec;
            stats << statisticsText(*file, g, c);
        }
        QStringList row{QString::number(g), QString::number(file->rowGroupFirstRow(g)),
                        QString::number(file->rowGroupNumRows(g)), size(compressed), size(uncompressed),
                        codecs.join(QStringLiteral(", "))};
        row << stats;
        p.rowGroups.rows << row;
        p.rowGroups.nulls << QVector<bool>(row.size(), false);
    }
    p.file = std::move(file);
    return p;
}

ParquetPreview loadParquetPreview(Backend& backend, const std::string& repo, const std::string& ref,
                                  const std::string& path, const OpContext& ctx)
{
    ParquetPreview failed;
    auto stat = backend.statObject(repo, ref, path);
    if (!stat.ok()) {
        failed.error = qs(stat.error().message);
        return failed;
    }
    failed.size = stat->size_bytes;
    // A private file (mode 0600) that lives only until it is mapped.
    QTemporaryFile tmp(QDir::tempPath() + QStringLiteral("/lakeside-preview-XXXXXX.parquet"));
    if (!tmp.open()) {
        failed.error = QObject::tr("Cannot create a temporary file for the preview: %1").arg(tmp.errorString());
        return failed;
    }
    int64_t done = 0;
    bool writeFailed = false;
    const Status st = backend.getObject(
        repo, ref, path,
        [&](const char* data, int64_t len) {
            if (tmp.write(data, len) != len) {
                writeFailed = true;
                return false;
            }
            done += len;
            ctx.report(done, stat->size_bytes);
            return !ctx.isCancelled();
        },
        std::nullopt, ctx);
    if (writeFailed) {
        failed.error = QObject::tr("Cannot write the temporary copy of %1: %2").arg(qs(path), tmp.errorString());
        return failed;
    }
    if (!st.ok()) {
        failed.error = qs(st.message());
        return failed;
    }
    if (ctx.isCancelled()) return failed;
    if (!tmp.flush()) {
        failed.error = QObject::tr("Cannot write the temporary copy of %1: %2").arg(qs(path), tmp.errorString());
        return failed;
    }
    auto buffer = parquet::FileBuffer::map(tmp.fileName().toStdString());
    if (!buffer.ok()) {
        failed.error = qs(buffer.error().message);
        return failed;
    }
    // `tmp` is removed on return; the mapping stays valid until the buffer is released.
    auto file = ParquetFile::fromBuffer(*buffer, path);
    if (!file.ok()) {
        failed.error = qs(file.error().message);
        return failed;
    }
    return describeParquetFile(*file);
}

} // namespace lakeside

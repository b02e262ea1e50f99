// SPDX-License-Identifier: Apache-2.0
// Choosing a ValueFormat from a leaf's logical, converted and physical types.
#include "parquet/valueformat.h"

namespace lakeside::parquet {

namespace {

ValueFormat physicalDefault(PhysicalType t)
{
    ValueFormat f;
    switch (t) {
    case PhysicalType::Boolean: f.kind = ValueFormat::Boolean; break;
    case PhysicalType::Int32:
    case PhysicalType::Int64: f.kind = ValueFormat::Int; break;
    case PhysicalType::Int96: f.kind = ValueFormat::Int96Timestamp; break;
    case PhysicalType::Float: f.kind = ValueFormat::Float; break;
    case PhysicalType::Double: f.kind = ValueFormat::Double; break;
    default: f.kind = ValueFormat::Binary; break;
    }
    return f;
}

bool isInt(PhysicalType t) { return t == PhysicalType::Int32 || t == PhysicalType::Int64; }
bool isBytes(PhysicalType t) { return t == PhysicalType::ByteArray || t == PhysicalType::FixedLenByteArray; }

// A logical type on an incompatible physical type is ignored rather than
// trusted: the physical type always decides what can be read safely.
bool compatible(const ValueFormat& f, PhysicalType t, int32_t typeLength)
{
    switch (f.kind) {
    case ValueFormat::Int:
    case ValueFormat::UInt: return isInt(t);
    case ValueFormat::Decimal: return isInt(t) || isBytes(t);
    case ValueFormat::String: return isBytes(t);
    case ValueFormat::Date: return t == PhysicalType::Int32;
    case ValueFormat::Time: return f.unit == TimeUnit::Millis ? t == PhysicalType::Int32 : t == PhysicalType::Int64;
    case ValueFormat::Timestamp: return t == PhysicalType::Int64;
    case ValueFormat::Uuid: return t == PhysicalType::FixedLenByteArray && typeLength == 16;
    case ValueFormat::Float16: return t == PhysicalType::FixedLenByteArray && typeLength == 2;
    case ValueFormat::Interval: return t == PhysicalType::FixedLenByteArray && typeLength == 12;
    default: return true;
    }
}

} // namespace

ValueFormat valueFormatFor(const SchemaElement& e, PhysicalType type)
{
    ValueFormat f = physicalDefault(type);
    const LogicalType& lt = e.logicalType;
    switch (lt.kind) {
    case LogicalType::String:
    case LogicalType::Enum: f.kind = ValueFormat::String; break;
    case LogicalType::Json: f.kind = ValueFormat::String; f.json = true; break;
    case LogicalType::Bson: f.kind = ValueFormat::Binary; break;
    case LogicalType::Uuid: f.kind = ValueFormat::Uuid; break;
    case LogicalType::Float16: f.kind = ValueFormat::Float16; break;
    case LogicalType::Decimal:
        f.kind = ValueFormat::Decimal;
        f.scale = lt.scale;
        f.precision = lt.precision;
        break;
    case LogicalType::Date: f.kind = ValueFormat::Date; break;
    case LogicalType::Time: f.kind = ValueFormat::Time; f.unit = lt.unit; break;
    case LogicalType::Timestamp:
        f.kind = ValueFormat::Timestamp;
        f.unit = lt.unit;
        f.utc = lt.adjustedToUtc;
        break;
    case LogicalType::Integer: f.kind = lt.isSigned ? ValueFormat::Int : ValueFormat::UInt; break;
    case LogicalType::Unknown: f.kind = ValueFormat::Null; break;
    default:
        switch (e.convertedType) {
        case ConvertedType::Utf8:
        case ConvertedType::Enum: f.kind = ValueFormat::String; break;
        case ConvertedType::Json: f.kind = ValueFormat::String; f.json = true; break;
        case ConvertedType::Decimal:
            f.kind = ValueFormat::Decimal;
            f.scale = e.scale;
            f.precision = e.precision;
            break;
        case ConvertedType::Date: f.kind = ValueFormat::Date; break;
        case ConvertedType::TimeMillis: f.kind = ValueFormat::Time; f.unit = TimeUnit::Millis; break;
        case ConvertedType::TimeMicros: f.kind = ValueFormat::Time; f.unit = TimeUnit::Micros; break;
        case ConvertedType::TimestampMillis: f.kind = ValueFormat::Timestamp; f.unit = TimeUnit::Millis; break;
        case ConvertedType::TimestampMicros: f.kind = ValueFormat::Timestamp; f.unit = TimeUnit::Micros; break;
        case ConvertedType::Uint8: case ConvertedType::Uint16:
        case ConvertedType::Uint32: case ConvertedType::Uint64: f.kind = ValueFormat::UInt; break;
        case ConvertedType::Int8: case ConvertedType::Int16:
        case ConvertedType::Int32: case ConvertedType::Int64: f.kind = ValueFormat::Int; break;
        case ConvertedType::Interval: f.kind = ValueFormat::Interval; break;
        default: break;
        }
    }
    if (f.kind == ValueFormat::Decimal && (f.scale < 0 || f.scale > 1000))
        f.scale = 0;
    if (!compatible(f, type, e.typeLength))
        return physicalDefault(type);
    return f;
}

std::string ValueFormat::typeName() const
{
    auto unitName = [this] { return unit == TimeUnit::Millis ? "_MS" : unit == TimeUnit::Micros ? "" : "_NS"; };
    switch (kind) {
    case Boolean: return "BOOLEAN";
    case Int: return "INTEGER";
    case UInt: return "UNSIGNED INTEGER";
    case Float: return "FLOAT";
    case Double: return "DOUBLE";
    case Decimal: return "DECIMAL(" + std::to_string(precision) + "," + std::to_string(scale) + ")";
    case String: return json ? "JSON" : "VARCHAR";
    case Binary: return "BLOB";
    case Date: return "DATE";
    case Time: return std::string("TIME") + unitName();
    case Timestamp: return std::string("TIMESTAMP") + unitName() + (utc ? " WITH TIME ZONE" : "");
    case Int96Timestamp: return "TIMESTAMP_NS (INT96)";
    case Uuid: return "UUID";
    case Float16: return "FLOAT16";
    case Interval: return "INTERVAL";
    case Null: return "NULL";
    }
    return "BLOB";
}

} // namespace lakeside::parquet

// SPDX-License-Identifier: Apache-2.0
#include "exportpath.h"

#include <QDir>
#include <QStringList>

namespace lakeside {
namespace {

Error refuse(const std::string& key, const char* why)
{
    std::string shown;
    for (char c : key) shown += (static_cast<unsigned char>(c) < 0x20) ? '?' : c;
    return makeError(ErrorKind::InvalidArgument, "object '" + shown + "' cannot be exported: " + why);
}

} // namespace

Result<QString> sanitizeExportPath(const std::string& key, const std::string& stripPrefix)
{
    if (key.find('\0') != std::string::npos) return refuse(key, "its name contains a NUL byte");
    // Judge the whole key, not just the part below the exported folder:
    // "../../x" selected on its own must not turn into a harmless "x".
    const QStringList whole = QString::fromStdString(key).replace(u'\\', u'/').split(u'/');
    if (whole.contains(QStringLiteral(".."))) return refuse(key, "its path contains a '..' segment");
    std::string rest = key;
    if (!stripPrefix.empty() && rest.compare(0, stripPrefix.size(), stripPrefix) == 0)
        rest = rest.substr(stripPrefix.size());

    QString text = QString::fromStdString(rest);
    text.replace(u'\\', u'/');
    // "C:/x" or "C:x": a drive letter would make the path absolute on Windows.
    if (text.size() >= 2 && text.at(1) == u':' && text.at(0).isLetter()) text = text.mid(2);

    QStringList kept;
    const QStringList segments = text.split(u'/');
    for (QString seg : segments) {
        if (seg.isEmpty() || seg == QLatin1String(".")) continue;
        if (seg == QLatin1String("..")) return refuse(key, "its path contains a '..' segment");
        for (QChar& c : seg)
            if (c.unicode() < 0x20 || c.unicode() == 0x7f) c = u'_';
        kept << seg;
    }
    if (kept.isEmpty()) return refuse(key, "its path names no file");
    return kept.join(u'/');
}

Result<QString> exportDestination(const QString& root, const std::string& key, const std::string& stripPrefix)
{
    auto rel = sanitizeExportPath(key, stripPrefix);
    if (!rel.ok()) return rel.error();
    const QString cleanRoot = QDir::cleanPath(QDir(root).absolutePath());
    const QString dest = QDir::cleanPath(cleanRoot + u'/' + *rel);
    // Belt and braces: the rules above already guarantee this.
    if (!dest.startsWith(cleanRoot + u'/')) return refuse(key, "it would be written outside the export folder");
    return dest;
}

} // namespace lakeside

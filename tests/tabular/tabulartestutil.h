// SPDX-License-Identifier: Apache-2.0
#pragma once
// Small helpers for the tabular tests: files written into a QTemporaryDir.

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <string>

namespace tabulartest {

inline std::string writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write test file");
    f.write(content);
    f.close();
    return path.toStdString();
}

inline QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace tabulartest

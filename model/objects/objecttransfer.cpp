// SPDX-License-Identifier: Apache-2.0
#include "objecttransfer.h"

#include "objects/exportpath.h"
#include "session/qtconvert.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QSaveFile>

namespace lakeside {
namespace {

// The folder a selected key lives in ("data/2024/x.csv" -> "data/2024/"),
// so that exporting it writes "x.csv", and exporting "data/2024/" writes "2024/...".
std::string parentFolder(const std::string& key)
{
    std::string k = key;
    if (!k.empty() && k.back() == '/') k.pop_back();
    const auto pos = k.rfind('/');
    return pos == std::string::npos ? std::string() : k.substr(0, pos + 1);
}

// True when every existing directory between root and `dest` resolves inside root.
bool staysInside(const QString& root, const QString& dest)
{
    const QString canonicalRoot = QFileInfo(root).canonicalFilePath();
    QString dir = QFileInfo(dest).absolutePath();
    while (!QFileInfo::exists(dir) && dir.size() > root.size()) dir = QFileInfo(dir).absolutePath();
    const QString canonical = QFileInfo(dir).canonicalFilePath();
    return canonical == canonicalRoot || canonical.startsWith(canonicalRoot + u'/');
}

} // namespace

TransferReport exportObjects(Backend& backend, const std::string& repo, const std::string& ref,
                             const QStringList& keys, const QString& root, const OpContext& ctx)
{
    TransferReport report;
    // Expand folders into their keys first, so progress knows the total.
    struct Item {
        ObjectStats stats;
        std::string strip;
    };
    std::vector<Item> items;
    int64_t total = 0;
    for (const QString& k : keys) {
        const std::string key = ss(k);
        const std::string strip = parentFolder(key);
        if (!key.empty() && key.back() == '/') {
            Status st = forEachPage<ObjectStats>(
                [&](const std::string& after) { return backend.listObjects(repo, ref, {key, after, 1000}, ""); },
                [&](const ObjectStats& s) {
                    items.push_back({s, strip});
                    total += s.size_bytes;
                    return !ctx.isCancelled();
                });
            if (!st.ok()) {
                report.error = st.error();
                return report;
            }
        } else {
            auto s = backend.statObject(repo, ref, key);
            if (!s.ok()) {
                report.error = s.error();
                return report;
            }
            total += s->size_bytes;
            items.push_back({*s, strip});
        }
    }
    if (!QDir().mkpath(root)) {
        report.error = makeError(ErrorKind::Io, "cannot create the export folder " + ss(root));
        return report;
    }
    int64_t done = 0;
    for (const Item& item : items) {
        if (ctx.isCancelled()) {
            report.cancelled = true;
            return report;
        }
        auto dest = exportDestination(root, item.stats.path, item.strip);
        if (!dest.ok()) {
            report.refused << qs(dest.error().message);
            continue;
        }
        if (!staysInside(root, *dest)) {
            report.refused << QStringLiteral("object '%1' cannot be exported: a folder on its way is a link "
                                             "leading outside the export folder")
                                  .arg(qs(item.stats.path));
            continue;
        }
        QDir().mkpath(QFileInfo(*dest).absolutePath());
        QSaveFile file(*dest);
        if (!file.open(QIODevice::WriteOnly)) {
            report.error = makeError(ErrorKind::Io, "cannot write " + ss(*dest) + ": " + ss(file.errorString()));
            return report;
        }
        OpContext inner;
        inner.cancelled = ctx.cancelled;
        const int64_t base = done;
        inner.progress = [&](int64_t d, int64_t) { ctx.report(base + d, total); };
        bool writeFailed = false;
        Status st = backend.getObject(
            repo, ref, item.stats.path,
            [&](const char* data, int64_t len) {
                if (file.write(data, len) != len) writeFailed = true;
                return !writeFailed && !ctx.isCancelled();
            },
            std::nullopt, inner);
        if (ctx.isCancelled()) {
            file.cancelWriting();
            report.cancelled = true;
            return report;
        }
        if (!st.ok() || writeFailed || !file.commit()) {
            report.error = !st.ok() ? st.error()
                                    : makeError(ErrorKind::Io, "cannot write " + ss(*dest) + ": " + ss(file.errorString()));
            return report;
        }
        done += item.stats.size_bytes;
        report.bytes += item.stats.size_bytes;
        ++report.files;
        ctx.report(done, total);
    }
    return report;
}

TransferReport uploadPaths(Backend& backend, const std::string& repo, const std::string& branch,
                           const QStringList& localPaths, const QString& destPrefix, const OpContext& ctx)
{
    TransferReport report;
    QList<QPair<QString, QString>> files; // local path, key
    qint64 total = 0;
    for (const QString& path : localPaths) {
        QFileInfo info(path);
        if (info.isDir()) {
            QDirIterator it(path, QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString file = it.next();
                files.append({file, destPrefix + info.fileName() + u'/' + QDir(path).relativeFilePath(file)});
                total += QFileInfo(file).size();
            }
        } else if (info.isFile()) {
            files.append({path, destPrefix + info.fileName()});
            total += info.size();
        } else {
            report.error = makeError(ErrorKind::NotFound, "no such file: " + ss(path));
            return report;
        }
    }
    QMimeDatabase mimes;
    qint64 done = 0;
    for (const auto& [local, key] : files) {
        if (ctx.isCancelled()) {
            report.cancelled = true;
            return report;
        }
        QFile file(local);
        if (!file.open(QIODevice::ReadOnly)) {
            report.error = makeError(ErrorKind::Io, "cannot read " + ss(local) + ": " + ss(file.errorString()));
            return report;
        }
        ByteSource source = [&file](char* buf, int64_t cap) -> int64_t { return file.read(buf, cap); };
        OpContext inner;
        inner.cancelled = ctx.cancelled;
        const qint64 base = done;
        inner.progress = [&](int64_t d, int64_t) { ctx.report(base + d, total); };
        UploadOptions opts;
        opts.content_type = ss(mimes.mimeTypeForFile(local).name());
        auto r = backend.uploadObject(repo, branch, ss(key), source, file.size(), opts, inner);
        if (ctx.isCancelled()) {
            report.cancelled = true;
            return report;
        }
        if (!r.ok()) {
            report.error = r.error();
            return report;
        }
        done += file.size();
        report.bytes += file.size();
        ++report.files;
        ctx.report(done, total);
    }
    return report;
}

} // namespace lakeside

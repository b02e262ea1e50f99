// SPDX-License-Identifier: Apache-2.0
#include "workspaceloader.h"

#include "session/qtconvert.h"

#include <QDir>
#include <QLoggingCategory>

#ifdef LAKESIDE_HAVE_LOCAL_BACKEND
#include "demo/demo.h"
#include "local/localbackend.h"
#endif
#ifdef LAKESIDE_HAVE_REVIEW_BACKEND
#include "review/reviewbackend.h"
#endif

namespace lakeside {

Q_LOGGING_CATEGORY(lcWorkspace, "lakeside.model.workspace", QtInfoMsg)

WorkspaceLoader::WorkspaceLoader(QObject* parent) : QObject(parent), m_job(this) {}

bool WorkspaceLoader::isFirstStart(const QString& dir)
{
    QDir d(dir);
    return !d.exists() || d.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
}

namespace {
struct Opened {
    std::shared_ptr<Backend> backend;
    bool demo = false;
    std::optional<Error> error;
};
} // namespace

void WorkspaceLoader::start(const QString& dir, const QString& userName)
{
    const bool first = isFirstStart(dir);
    qCInfo(lcWorkspace).noquote() << "opening workspace" << dir << (first ? "(first start: creating demo data)" : "");
    m_job.startWithProgress(
        [d = ss(dir), u = ss(userName), first](const OpContext& ctx) {
            Opened out;
#ifdef LAKESIDE_HAVE_LOCAL_BACKEND
            auto opened = LocalBackend::open(d, u);
            if (!opened.ok()) {
                out.error = opened.error();
                return out;
            }
            out.backend = std::move(opened).value();
#ifdef LAKESIDE_HAVE_REVIEW_BACKEND
            // Review requests, checks (actions) and branch protection live
            // next to the engine's data, in <workspace>/review.db.
            auto reviewed = ReviewBackend::open(out.backend, d);
            if (!reviewed.ok()) {
                out.error = reviewed.error();
                out.backend.reset();
                return out;
            }
            out.backend = std::move(reviewed).value();
#endif
            if (first) {
                DemoOptions opts;
                opts.ctx = ctx;
                Status st = createDemoData(*out.backend, opts);
                if (!st.ok()) {
                    out.error = st.error();
                    return out;
                }
                out.demo = true;
            }
#else
            (void)d;
            (void)u;
            (void)ctx;
            (void)first;
            out.error = makeError(ErrorKind::NotImplemented, "this build has no embedded workspace engine");
#endif
            return out;
        },
        [this, dir](Opened o) {
            if (o.error) {
                emit failed(errorText(tr("Cannot open workspace %1").arg(dir), *o.error));
                return;
            }
            emit ready(o.backend, o.demo);
        },
        [this](int64_t done, int64_t total) { emit progress(done, total); });
}

} // namespace lakeside

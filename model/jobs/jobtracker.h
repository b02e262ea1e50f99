// SPDX-License-Identifier: Apache-2.0
#pragma once
// Runs backend work off the UI thread and delivers only the newest result.
//
// Every page (history, objects, compare, ...) owns one JobTracker per kind of
// request. start() cancels the previous job of the same tracker (its result,
// if it still arrives, is dropped) and runs `work` on the global thread pool.
// `onDone` runs on the context object's thread, only if no newer job was
// started and the context still exists. This is hotspot's JobTracker idea:
// a counter plus a context object, so "the diff pane showed the wrong
// commit" cannot happen.
//
// Thread safety: start()/cancel() must be called from the context's thread.
// `work` must not touch the context or any QObject it owns.

#include <QFuture>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <memory>
#include <type_traits>
#include <utility>

#include "api/types.h"

namespace lakeside {

class JobTracker {
public:
    explicit JobTracker(QObject* context) : m_context(context) {}
    JobTracker(const JobTracker&) = delete;
    JobTracker& operator=(const JobTracker&) = delete;
    ~JobTracker() { cancel(); }

    // `work(const OpContext&)` returns a value of any movable type T; it should
    // poll ctx.isCancelled() in long loops and may call ctx.report(done, total).
    // `onDone(T)` runs on the context thread. `onProgress(done, total)` (optional)
    // is delivered queued on the context thread.
    template <class Work, class Done>
    void start(Work&& work, Done&& onDone)
    {
        startWithProgress(std::forward<Work>(work), std::forward<Done>(onDone), nullptr);
    }

    template <class Work, class Done, class Progress>
    void startWithProgress(Work&& work, Done&& onDone, Progress&& onProgress)
    {
        cancel();
        const quint64 id = ++m_generation;
        auto flag = std::make_shared<std::atomic<bool>>(false);
        m_cancel = flag;
        QPointer<QObject> ctx = m_context;
        std::function<void(int64_t, int64_t)> progress;
        if constexpr (!std::is_same_v<std::decay_t<Progress>, std::nullptr_t>) {
            progress = [ctx, flag, cb = std::function<void(int64_t, int64_t)>(onProgress)](int64_t d, int64_t t) {
                if (!ctx || flag->load()) return;
                QMetaObject::invokeMethod(ctx, [cb, d, t] { cb(d, t); }, Qt::QueuedConnection);
            };
        }
        using T = std::invoke_result_t<Work, const OpContext&>;
        QFuture<T> future = QtConcurrent::run([w = std::forward<Work>(work), flag, progress]() mutable {
            OpContext opctx;
            opctx.cancelled = flag.get();
            opctx.progress = progress;
            return w(opctx);
        });
        future.then(m_context, [this, id, flag, done = std::forward<Done>(onDone)](T result) mutable {
            // Stale: a newer job started, or this one was cancelled.
            if (id != m_generation || flag->load()) return;
            m_cancel.reset();
            done(std::move(result));
        });
    }

    // Drops the running job's result and asks its work to stop.
    void cancel()
    {
        if (m_cancel) m_cancel->store(true);
        m_cancel.reset();
        ++m_generation;
    }

    bool isRunning() const { return m_cancel != nullptr; }

private:
    QObject* m_context;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace lakeside

// SPDX-License-Identifier: Apache-2.0
#pragma once
// Runs backend work off the UI thread and delivers only the newest result.
//
// Every page (history, objects, compare, ...) owns one JobTracker per kind of
// request. start() cancels the previous job of the same tracker (its result,
// if it still arrives, is dropped) and runs `work` on the global thread pool.
// `onDone` runs on the context object's thread, from its event loop (never
// inside start()), only if no newer job was started, the tracker was not
// cancelled or destroyed, and the context still exists. This is hotspot's JobTracker idea:
// a counter plus a context object, so "the diff pane showed the wrong
// commit" cannot happen.
//
// Thread safety: start()/cancel() must be called from the context's thread.
// `work` must not touch the context or any QObject it owns.

#include <QFuture>
#include <QPointer>
#include <QThread>
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
        const quint64 id = ++m_state->generation;
        auto flag = std::make_shared<std::atomic<bool>>(false);
        m_state->cancel = flag;
        QPointer<QObject> ctx = m_context;
        std::function<void(int64_t, int64_t)> progress;
        if constexpr (!std::is_same_v<std::decay_t<Progress>, std::nullptr_t>) {
            progress = [ctx, flag, cb = std::function<void(int64_t, int64_t)>(onProgress)](int64_t d, int64_t t) {
                if (!ctx || flag->load()) return;
                QMetaObject::invokeMethod(ctx, [cb, d, t] { cb(d, t); }, Qt::QueuedConnection);
            };
        }
        using T = std::invoke_result_t<Work, const OpContext&>;
        // Qt 6.4 runs a then(context) continuation in the worker thread and
        // there reads the context's QPointer and posts to it: if the context
        // is being destroyed meanwhile (a page closed while its job ends),
        // that is a use after free, or Q_ASSERT(context) in a debug build.
        // So the continuation's context is a relay object that the job itself
        // keeps alive until after the continuation, deleted later on its own
        // thread; the real context is checked on its thread, in the delivery.
        std::shared_ptr<QObject> relay(new QObject, [](QObject* o) {
            if (o->thread() == QThread::currentThread()) delete o;
            else o->deleteLater();
        });
        QFuture<T> future = QtConcurrent::run([w = std::forward<Work>(work), flag, progress, relay]() mutable {
            OpContext opctx;
            opctx.cancelled = flag.get();
            opctx.progress = progress;
            return w(opctx);
        });
        std::weak_ptr<State> weak = m_state;
        future.then(relay.get(), [weak, ctx, id, flag, relay, done = std::forward<Done>(onDone)](T result) mutable {
            // then() runs the continuation at once when the job has already
            // finished, i.e. possibly inside start() itself. Deliver from the
            // event loop instead, so a caller (a model inside fetchMore, a
            // dialog inside its slot) is never re-entered.
            if (!ctx) return; // the context is gone (checked on its own thread, where this runs)
            QMetaObject::invokeMethod(
                ctx.data(),
                [weak, id, flag, done = std::move(done), result = std::move(result)]() mutable {
                    auto state = weak.lock();
                    // Stale: the tracker is gone, a newer job started, or this one was cancelled.
                    if (!state || id != state->generation || flag->load()) return;
                    state->cancel.reset();
                    done(std::move(result));
                },
                Qt::QueuedConnection);
        });
    }

    // Drops the running job's result and asks its work to stop.
    void cancel()
    {
        if (m_state->cancel) m_state->cancel->store(true);
        m_state->cancel.reset();
        ++m_state->generation;
    }

    bool isRunning() const { return m_state->cancel != nullptr; }

private:
    // Shared with pending deliveries (weakly), so a tracker destroyed before
    // its context never leaves a dangling pointer in a queued result.
    struct State {
        quint64 generation = 0;
        std::shared_ptr<std::atomic<bool>> cancel;
    };
    QObject* m_context;
    std::shared_ptr<State> m_state = std::make_shared<State>();
};

} // namespace lakeside

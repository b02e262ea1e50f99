// SPDX-License-Identifier: Apache-2.0
#pragma once
// The acceptance suite's class, shared by its two source files: every
// scenario is a data-driven slot whose rows are the backends (see
// backendfixture.h).
#include "acceptancehelpers.h"
#include "backendfixture.h"

#include <QTest>

using StringList = std::vector<std::string>;

#define BACKEND_OR_SKIP(b)                                                                     \
    QFETCH(QString, backend);                                                                  \
    Backend* b = m_fixture.byName(backend);                                                    \
    if (!b) {                                                                                  \
        if (!m_fixture.skipReason().isEmpty()) QSKIP(qPrintable(m_fixture.skipReason()));      \
        QFAIL(qPrintable(m_fixture.error()));                                                  \
    }                                                                                          \
    const std::string repo = repoName(backend);                                                \
    QVERIFY2(createRepo(*b, repo).ok(), why(createRepo(*b, repo)))

#define CHECK(expr)                                                                            \
    do {                                                                                       \
        const auto& _r = (expr);                                                               \
        QVERIFY2(_r.ok(), why(_r));                                                            \
    } while (0)

class TestAcceptance : public QObject {
    Q_OBJECT

    BackendFixture m_fixture;

    static std::string repoName(const QString& backend)
    {
        std::string name = std::string("acc-") + QTest::currentTestFunction() + "-" + backend.toStdString();
        for (char& c : name) c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return name;
    }

    static void backends()
    {
        QTest::addColumn<QString>("backend");
        QTest::addRow("local") << QStringLiteral("local");
        QTest::addRow("lakefs") << QStringLiteral("lakefs");
    }

private slots:
    void sanityFlow_data() { backends(); }
    void sanityFlow();
    void commitsInMixedOrderWithTombstone_data() { backends(); }
    void commitsInMixedOrderWithTombstone();
    void deletes_data() { backends(); }
    void deletes();
    void rollback_data() { backends(); }
    void rollback();
    void mergeStrategies_data() { backends(); }
    void mergeStrategies();
    void identity_data() { backends(); }
    void identity();
    void lakectlDiffAndRefs_data() { backends(); }
    void lakectlDiffAndRefs();
    void objectReads_data() { backends(); }
    void objectReads();
    void logFilters_data() { backends(); }
    void logFilters();
    void concurrentCalls_data() { backends(); }
    void concurrentCalls();
    void protectedBranches_data() { backends(); }
    void protectedBranches();
    void pullRequests_data() { backends(); }
    void pullRequests();
    void actionRuns_data() { backends(); }
    void actionRuns();
    void hookFailure_data() { backends(); }
    void hookFailure();
};

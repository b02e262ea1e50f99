// SPDX-License-Identifier: Apache-2.0
// The Compare tab on the embedded engine's demo data: refs, the changed-object
// list, the table diff with counts and highlighted cells, filters, swap, errors.
#include "compare/changedobjectsmodel.h"
#include "compare/comparepage.h"
#include "compare/tablediffmodel.h"
#include "compare/tablediffpane.h"
#include "demo/demo.h"
#include "local/localbackend.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTest>
#include <QTreeView>

using namespace lakeside;
using lakeside::compare::TableDiffModel;
using lakeside::ui::ComparePage;

namespace {
const std::string kRepo = "customer-profiles";
const std::string kPath = "customers/customers.csv";

Status put(Backend& b, const std::string& branch, const std::string& path, const std::string& bytes)
{
    size_t pos = 0;
    return b.uploadObject(kRepo, branch, path, [&](char* buf, int64_t cap) -> int64_t {
        const size_t n = std::min(size_t(cap), bytes.size() - pos);
        memcpy(buf, bytes.data() + pos, n);
        pos += n;
        return int64_t(n);
    }, int64_t(bytes.size()), {}).status();
}

std::string readObject(Backend& b, const std::string& ref, const std::string& path)
{
    std::string out;
    const Status st = b.getObject(kRepo, ref, path, [&](const char* d, int64_t n) {
        out.append(d, size_t(n));
        return true;
    });
    return st.ok() ? out : std::string();
}
} // namespace

class TestComparePage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void comparesTwoRefsAndShowsTheTableDiff();
    void swapSwapsTheRefs();
    void unknownRefIsAnInlineError();
    void uncommittedTextChangeShowsIntraLineHighlights();

private:
    // Opens the first listed object and waits for its diff.
    void openFirstObject(ComparePage& page);

    QTemporaryDir m_dir;
    std::shared_ptr<Backend> m_backend;
    QString m_oldValue, m_newValue;
};

void TestComparePage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto opened = LocalBackend::open(m_dir.filePath(QStringLiteral("ws")).toStdString(), "tester");
    QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
    m_backend = std::shared_ptr<Backend>(std::move(opened.value()));
    DemoOptions options;
    options.now = 1711929600;
    const Status st = createDemoData(*m_backend, options);
    QVERIFY2(st.ok(), st.ok() ? "" : st.message().c_str());

    // A branch editing the demo table: one cell changed, the last row removed, one row added.
    QVERIFY(m_backend->createBranch(kRepo, "compare-edit", "main").ok());
    const QStringList lines = QString::fromStdString(readObject(*m_backend, "main", kPath)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.size() > 5);
    QStringList out = lines;
    int edited = -1;
    for (int i = 1; i < out.size() - 1 && edited < 0; ++i)
        if (!out[i].contains(QLatin1Char('"'))) edited = i;
    QVERIFY(edited > 0);
    QStringList fields = out[edited].split(QLatin1Char(','));
    QVERIFY(fields.size() > 2);
    m_oldValue = fields[1];
    m_newValue = fields[1] + QStringLiteral(" Changed");
    fields[1] = m_newValue;
    out[edited] = fields.join(QLatin1Char(','));
    QStringList added = out[edited].split(QLatin1Char(','));
    added[0] = QStringLiteral("CUST-99999");
    added[1] = QStringLiteral("New Customer");
    out.removeLast();
    out.append(added.join(QLatin1Char(',')));
    const std::string bytes = QString(out.join(QLatin1Char('\n')) + QLatin1Char('\n')).toStdString();
    size_t pos = 0;
    auto up = m_backend->uploadObject(kRepo, "compare-edit", kPath, [&](char* buf, int64_t cap) -> int64_t {
        const size_t n = std::min(size_t(cap), bytes.size() - pos);
        memcpy(buf, bytes.data() + pos, n);
        pos += n;
        return int64_t(n);
    }, int64_t(bytes.size()), {});
    QVERIFY2(up.ok(), up.ok() ? "" : up.error().message.c_str());
    CommitCreation c;
    c.message = "edit customers for the compare test";
    QVERIFY(m_backend->commit(kRepo, "compare-edit", c).ok());
}

void TestComparePage::openFirstObject(ComparePage& page)
{
    auto* list = page.findChild<QTreeView*>(QStringLiteral("objectsView"));
    QVERIFY(list);
    QSignalSpy shown(&page, &ComparePage::objectDiffShown);
    list->setCurrentIndex(list->model()->index(0, 0));
    QVERIFY(shown.wait(20000));
    QCOMPARE(shown.first().first().toString(), QString::fromStdString(kPath));
}

void TestComparePage::comparesTwoRefsAndShowsTheTableDiff()
{
    ComparePage page(m_backend, QString::fromStdString(kRepo));
    page.show();
    auto* left = page.findChild<QComboBox*>(QStringLiteral("leftRef"));
    QTRY_VERIFY(left->findText(QStringLiteral("compare-edit")) >= 0); // branches listed
    QVERIFY(left->findText(QStringLiteral("2024-q1")) >= 0);           // and tags

    QSignalSpy finished(&page, &ComparePage::comparisonFinished);
    page.compare(QStringLiteral("main"), QStringLiteral("compare-edit"));
    QVERIFY(finished.wait(20000));
    QCOMPARE(page.objectsModel()->rowCount(), 1);
    QCOMPARE(page.objectsModel()->index(0, 0).data().toString(), QString::fromStdString(kPath));
    QCOMPARE(page.objectsModel()->entry(0).type, DiffType::Changed);

    // The folder roll-up lists the root and customers/; choosing a folder filters the list.
    page.findChild<QCheckBox*>(QStringLiteral("byFolder"))->setChecked(true);
    auto* folders = page.findChild<QTreeView*>(QStringLiteral("folderView"));
    QVERIFY(!folders->isHidden());
    QCOMPARE(folders->model()->rowCount(), 2);
    QCOMPARE(folders->model()->index(1, 0).data().toString(), QStringLiteral("customers/"));
    QCOMPARE(folders->model()->index(1, 3).data().toInt(), 1);
    folders->setCurrentIndex(folders->model()->index(1, 0));
    QCOMPARE(page.findChild<QLineEdit*>(QStringLiteral("prefixFilter"))->text(), QStringLiteral("customers/"));
    page.findChild<QLineEdit*>(QStringLiteral("extensionFilter"))->setText(QStringLiteral("txt"));
    QCOMPARE(page.findChild<QTreeView*>(QStringLiteral("objectsView"))->model()->rowCount(), 0);
    page.findChild<QLineEdit*>(QStringLiteral("extensionFilter"))->setText(QStringLiteral("csv"));
    QCOMPARE(page.findChild<QTreeView*>(QStringLiteral("objectsView"))->model()->rowCount(), 1);

    // The table is sorted by its key: rows reach the pane while the diff
    // runs (one reset for the first snapshot, then appended), then the final.
    TableDiffModel* model = page.tablePane()->model();
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);
    QSignalSpy inserts(model, &QAbstractItemModel::rowsInserted);
    openFirstObject(page);
    QCOMPARE(resets.count(), 1);
    QVERIFY(inserts.count() >= 2);
    QVERIFY(!model->isPartial());
    auto* counts = page.findChild<QLabel*>(QStringLiteral("countsLabel"));
    QVERIFY2(counts->text().startsWith(QStringLiteral("1 added, 1 removed, 1 changed rows (1 cells)")), qPrintable(counts->text()));
    QVERIFY(page.findChild<QPushButton*>(QStringLiteral("exportButton"))->isEnabled());
    QCOMPARE(model->rowCount(), 3);
    int changedCells = 0;
    for (int r = 0; r < model->rowCount(); ++r)
        for (int c = 1; c < model->columnCount(); ++c) {
            const QModelIndex idx = model->index(r, c);
            if (!idx.data(TableDiffModel::ChangedCellRole).toBool()) continue;
            ++changedCells;
            QCOMPARE(idx.data().toString(), m_oldValue + QStringLiteral(" → ") + m_newValue);
            QCOMPARE(idx.data(TableDiffModel::BackgroundColorRole).toString(), QStringLiteral("#ffd36b"));
        }
    QCOMPARE(changedCells, 1);

    page.findChild<QCheckBox*>(QStringLiteral("changedOnly"))->setChecked(true);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("changed"));

    // Choosing the key column reruns the diff with that key.
    auto* key = page.findChild<QComboBox*>(QStringLiteral("keyColumn"));
    const QString firstColumn = model->headerData(1, Qt::Horizontal).toString();
    const int keyIndex = key->findText(firstColumn);
    QVERIFY2(keyIndex > 0, qPrintable(firstColumn));
    QSignalSpy shown(&page, &ComparePage::objectDiffShown);
    key->setCurrentIndex(keyIndex);
    emit key->activated(keyIndex);
    QVERIFY(shown.wait(20000));
    QCOMPARE(key->currentText(), firstColumn);
    QVERIFY(counts->text().startsWith(QStringLiteral("1 added, 1 removed, 1 changed rows")));
    QVERIFY(counts->toolTip().contains(QStringLiteral("key")));

    // Export writes a self-contained HTML report and CSV.
    QTemporaryDir out;
    QVERIFY(page.tablePane()->exportTo(out.filePath(QStringLiteral("d.html"))).isEmpty());
    QVERIFY(page.tablePane()->exportTo(out.filePath(QStringLiteral("d.csv"))).isEmpty());
    QFile csv(out.filePath(QStringLiteral("d.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QVERIFY(csv.readAll().contains("CUST-99999"));
}

void TestComparePage::swapSwapsTheRefs()
{
    ComparePage page(m_backend, QString::fromStdString(kRepo));
    auto* dots = page.findChild<QComboBox*>(QStringLiteral("diffKind"));
    dots->setCurrentIndex(dots->findData(int(DiffKind::TwoDot)));
    QSignalSpy finished(&page, &ComparePage::comparisonFinished);
    page.compare(QStringLiteral("main"), QStringLiteral("compare-edit"));
    QVERIFY(finished.wait(20000));

    QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("swapButton")), Qt::LeftButton);
    QCOMPARE(page.findChild<QComboBox*>(QStringLiteral("leftRef"))->currentText(), QStringLiteral("compare-edit"));
    QCOMPARE(page.findChild<QComboBox*>(QStringLiteral("rightRef"))->currentText(), QStringLiteral("main"));
    QVERIFY(finished.wait(20000));
    QCOMPARE(page.objectsModel()->rowCount(), 1);
    openFirstObject(page);
    // Reversed: the edited cell now goes from the new value back to the old one.
    TableDiffModel* model = page.tablePane()->model();
    model->setChangedOnly(true);
    QCOMPARE(model->rowCount(), 1);
    bool found = false;
    for (int c = 1; c < model->columnCount(); ++c)
        found |= model->index(0, c).data().toString() == m_newValue + QStringLiteral(" → ") + m_oldValue;
    QVERIFY(found);
}

void TestComparePage::unknownRefIsAnInlineError()
{
    ComparePage page(m_backend, QString::fromStdString(kRepo));
    QSignalSpy errors(&page, &ComparePage::errorOccurred);
    page.compare(QStringLiteral("main"), QStringLiteral("no-such-ref"));
    QVERIFY(errors.wait(20000));
    auto* message = page.findChild<QLabel*>(QStringLiteral("message"));
    QVERIFY(!message->isHidden());
    QVERIFY(!message->text().isEmpty());
}

void TestComparePage::uncommittedTextChangeShowsIntraLineHighlights()
{
    QVERIFY(m_backend->createBranch(kRepo, "compare-wip", "main").ok());
    QVERIFY(put(*m_backend, "compare-wip", "notes.txt", "alpha\nbeta\ngamma\n").ok());
    CommitCreation c;
    c.message = "notes";
    QVERIFY(m_backend->commit(kRepo, "compare-wip", c).ok());
    QVERIFY(put(*m_backend, "compare-wip", "notes.txt", "alpha\nbetamax\ngamma\ndelta\n").ok());

    ComparePage page(m_backend, QString::fromStdString(kRepo));
    QSignalSpy finished(&page, &ComparePage::comparisonFinished);
    page.compareUncommitted(QStringLiteral("compare-wip"));
    QVERIFY(finished.wait(20000));
    QCOMPARE(page.objectsModel()->rowCount(), 1);
    QCOMPARE(page.objectsModel()->index(0, 0).data().toString(), QStringLiteral("notes.txt"));

    auto* list = page.findChild<QTreeView*>(QStringLiteral("objectsView"));
    QSignalSpy shown(&page, &ComparePage::objectDiffShown);
    list->setCurrentIndex(list->model()->index(0, 0));
    QVERIFY(shown.wait(20000));
    auto* text = page.findChild<QTextBrowser*>(QStringLiteral("textDiff"));
    QVERIFY(page.findChild<QStackedWidget*>(QStringLiteral("diffStack"))->currentWidget()->isAncestorOf(text));
    const QString plain = text->toPlainText();
    QVERIFY2(plain.contains(QStringLiteral("2 lines added, 1 removed")), qPrintable(plain));
    QVERIFY(plain.contains(QStringLiteral("+ betamax")));
    QVERIFY(plain.contains(QStringLiteral("- beta")));
    // The added characters "max" carry the intra-line highlight.
    QVERIFY(text->toHtml().contains(QStringLiteral("max</span>")));
}

QTEST_MAIN(TestComparePage)
#include "tst_comparepage.moc"

// SPDX-License-Identifier: Apache-2.0
// The Objects tab: time travel to a tag, previews (CSV table, JSON, image),
// export that refuses hostile keys, upload by drag and drop, the commit
// dialog with metadata, and reset of selected / all uncommitted changes.
#include "dialogs/commitdialog.h"
#include "fixture.h"
#include "jobs/taskcenter.h"
#include "models/objecttreemodel.h"
#include "models/uncommittedmodel.h"
#include "pages/objects/previewpane.h"
#include "pages/objects/uncommittedpanel.h"
#include "pages/objectspage.h"
#include "widgets/messagebar.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace lakeside;
using namespace lakeside::ui;

class TestObjectsPage : public QObject {
    Q_OBJECT
private:
    std::shared_ptr<test::MemoryBackend> m_backend;
    std::unique_ptr<TaskCenter> m_tasks;
    std::unique_ptr<ObjectsPage> m_page;

    // The row of `name` under `parent` in the object tree, expanding (and so
    // lazily listing) as needed.
    QModelIndex findRow(const QModelIndex& parent, const QString& name)
    {
        ObjectTreeModel* m = m_page->objectModel();
        m_page->treeView()->expand(parent);
        QModelIndex found;
        const bool ok = QTest::qWaitFor([&] {
            if (m->canFetchMore(parent)) m->fetchMore(parent);
            for (int i = 0; i < m->rowCount(parent); ++i)
                if (m->index(i, 0, parent).data().toString() == name) found = m->index(i, 0, parent);
            return found.isValid();
        }, 5000);
        return ok ? found : QModelIndex();
    }
    QModelIndex findPath(const QString& path)
    {
        QModelIndex at;
        for (const QString& part : path.split(u'/')) {
            at = findRow(at, part);
            if (!at.isValid()) return {};
        }
        return at;
    }
    void select(const QModelIndex& index)
    {
        m_page->treeView()->setCurrentIndex(index);
    }

private slots:
    void init()
    {
        m_backend = test::makeFixtureBackend();
        m_tasks = std::make_unique<TaskCenter>();
        m_page = std::make_unique<ObjectsPage>(m_backend, QStringLiteral("sales-orders"), m_tasks.get());
        new QAbstractItemModelTester(m_page->objectModel(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     m_page.get());
        new QAbstractItemModelTester(m_page->uncommittedModel(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, m_page.get());
        new QAbstractItemModelTester(m_page->preview()->tableView()->model(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, m_page.get());
        m_page->resize(1200, 800);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QTRY_COMPARE(m_page->ref(), QStringLiteral("main")); // the default branch once refs are in
    }
    void cleanup()
    {
        m_page.reset();
        m_tasks.reset();
    }

    void browseAtTag()
    {
        QVERIFY(findRow({}, QStringLiteral("notes")).isValid());
        QLineEdit* edit = m_page->refCombo()->lineEdit();
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("v1.0"));
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(m_page->ref(), QStringLiteral("v1.0"));
        QVERIFY(findRow({}, QStringLiteral("data")).isValid());
        QTRY_COMPARE(m_page->objectModel()->rowCount(), 2); // README.md and data/, no notes/ yet
        QTRY_VERIFY(m_page->refInfo()->text().startsWith(QStringLiteral("tag")));
        QVERIFY(!m_page->uncommittedPanel()->isVisible()); // no changes panel on a tag
        // The CSV at the tag has the first two orders only.
        select(findPath(QStringLiteral("data/orders.csv")));
        QTRY_COMPARE(m_page->preview()->shown(), PreviewPane::Shown::Table);
        QCOMPARE(m_page->preview()->tableView()->model()->rowCount(), 2);

        // A typed commit expression works too; a bad one says so inline.
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("main~1"));
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_VERIFY(m_page->refInfo()->text().startsWith(QStringLiteral("commit")));
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("no-such-ref"));
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_VERIFY(m_page->messageBar()->isVisible());
        QVERIFY(m_page->messageBar()->text().contains(QStringLiteral("no-such-ref")));
    }

    void previewCsv()
    {
        select(findPath(QStringLiteral("data/orders.csv")));
        QTRY_COMPARE(m_page->preview()->shown(), PreviewPane::Shown::Table);
        QAbstractItemModel* table = m_page->preview()->tableView()->model();
        QCOMPARE(table->rowCount(), 5);
        QCOMPARE(table->columnCount(), 4);
        QCOMPARE(table->headerData(0, Qt::Horizontal).toString(), QStringLiteral("order_id"));
        QCOMPARE(table->index(2, 1).data().toString(), QStringLiteral("Carol"));
        QCOMPARE(m_page->preview()->titleLabel()->text(), QStringLiteral("data/orders.csv"));

        select(findPath(QStringLiteral("data/regions.tsv")));
        QTRY_COMPARE(table->rowCount(), 2);
        QCOMPARE(table->headerData(1, Qt::Horizontal).toString(), QStringLiteral("manager"));
    }

    void previewJsonTextImage()
    {
        select(findPath(QStringLiteral("data/config.json")));
        QTRY_COMPARE(m_page->preview()->shown(), PreviewPane::Shown::Text);
        QVERIFY(m_page->preview()->textView()->toPlainText().contains(QStringLiteral("    \"currency\": \"EUR\"")));
        select(findPath(QStringLiteral("README.md")));
        QTRY_VERIFY(m_page->preview()->textView()->toPlainText().startsWith(QStringLiteral("# Sales orders")));
        select(findPath(QStringLiteral("images/pixel.png")));
        QTRY_COMPARE(m_page->preview()->shown(), PreviewPane::Shown::Image);
    }

    void exportRefusesHostileKeys()
    {
        m_backend->validatePaths = false;
        QVERIFY(m_backend->put("sales-orders", "main", "../../escape.txt", "evil").ok());
        QVERIFY(m_backend->put("sales-orders", "main", "/abs.txt", "abs").ok());
        QVERIFY(m_backend->put("sales-orders", "main", "nest/a/../../../up.txt", "evil").ok());
        QVERIFY(m_backend->put("sales-orders", "main", "nest/fine.txt", "fine").ok());
        QTemporaryDir tmp;
        const QString out = tmp.path() + QStringLiteral("/out");
        QSignalSpy done(m_page.get(), &ObjectsPage::exportFinished);
        m_page->exportKeys({QStringLiteral("../../escape.txt"), QStringLiteral("/abs.txt"), QStringLiteral("nest/"),
                            QStringLiteral("data/orders.csv")},
                           out);
        QVERIFY(done.wait());
        QCOMPARE(done.first().at(0).toInt(), 3); // abs.txt, nest/fine.txt, orders.csv
        const QStringList refused = done.first().at(1).toStringList();
        QCOMPARE(refused.size(), 2);
        QVERIFY(refused.join(u' ').contains(QStringLiteral("escape.txt")));
        QVERIFY(refused.join(u' ').contains(QStringLiteral("up.txt")));
        QCOMPARE(m_page->messageBar()->level(), MessageBar::Level::Warning);

        // Inside: exactly the safe files. Outside: nothing at all.
        QStringList written;
        QDirIterator it(tmp.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) written << QDir(tmp.path()).relativeFilePath(it.next());
        written.sort();
        QCOMPARE(written, (QStringList{QStringLiteral("out/abs.txt"), QStringLiteral("out/nest/fine.txt"),
                                       QStringLiteral("out/orders.csv")}));
        QFile csv(out + QStringLiteral("/orders.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll(), QByteArray(test::fixtureOrdersCsv()));
        QVERIFY(!QFile::exists(QDir::cleanPath(tmp.path() + QStringLiteral("/../escape.txt"))));
    }

    void uploadByDropCommitAndReset()
    {
        QTemporaryDir src;
        QFile f(src.path() + QStringLiteral("/dropped.csv"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("k,v\n1,one\n");
        f.close();

        // Drop onto the data/ folder row: the file lands in data/.
        const QModelIndex data = findRow({}, QStringLiteral("data"));
        QWidget* viewport = m_page->treeView()->viewport();
        const QPoint pos = m_page->treeView()->visualRect(data).center();
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(f.fileName())});
        QSignalSpy uploaded(m_page.get(), &ObjectsPage::uploadFinished);
        QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &drop);
        QVERIFY(uploaded.wait());
        QCOMPARE(uploaded.first().at(0).toInt(), 1);
        QVERIFY(m_backend->statObject("sales-orders", "main", "data/dropped.csv").ok());
        QTRY_COMPARE(m_page->uncommittedModel()->rowCount(), 1);
        QCOMPARE(m_page->uncommittedModel()->index(0, UncommittedModel::PathColumn).data().toString(),
                 QStringLiteral("data/dropped.csv"));

        // Commit with a message and one metadata row.
        QVERIFY(m_page->uncommittedPanel()->commitButton()->isEnabled());
        QTest::mouseClick(m_page->uncommittedPanel()->commitButton(), Qt::LeftButton);
        CommitDialog* dlg = nullptr;
        QTRY_VERIFY((dlg = m_page->findChild<CommitDialog*>()) != nullptr && dlg->isVisible());
        QVERIFY(!dlg->okButton()->isEnabled()); // no message yet
        QTest::keyClicks(dlg->messageEdit(), QStringLiteral("Add dropped orders"));
        QVERIFY(dlg->okButton()->isEnabled());
        dlg->addMetadataRow(QStringLiteral("source"), QStringLiteral("drop"));
        dlg->addMetadataRow(QStringLiteral("source"), QStringLiteral("again"));
        QVERIFY(dlg->reasonLabel()->text().contains(QStringLiteral("twice")));
        QVERIFY(!dlg->okButton()->isEnabled());
        dlg->metadataTable()->removeRow(1);
        dlg->metadataTable()->item(0, 1)->setText(QStringLiteral("drag-and-drop"));
        QVERIFY(dlg->okButton()->isEnabled());
        QSignalSpy committed(m_page.get(), &ObjectsPage::committed);
        QTest::mouseClick(dlg->okButton(), Qt::LeftButton);
        QVERIFY(committed.wait());
        auto head = m_backend->getCommit("sales-orders", "main");
        QCOMPARE(head->message, std::string("Add dropped orders"));
        QCOMPARE(head->metadata.at("source"), std::string("drag-and-drop"));
        QTRY_COMPARE(m_page->uncommittedModel()->rowCount(), 0);

        // Upload two more, reset one selected, then the rest.
        QFile g(src.path() + QStringLiteral("/second.txt"));
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write("two");
        g.close();
        uploaded.clear();
        m_page->uploadPaths({f.fileName(), g.fileName()}, QStringLiteral("more/"));
        QVERIFY(uploaded.wait());
        QTRY_COMPARE(m_page->uncommittedModel()->rowCount(), 2);
        UncommittedPanel* panel = m_page->uncommittedPanel();
        panel->view()->selectionModel()->select(panel->view()->model()->index(0, 0),
                                                QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(panel->resetSelectedButton()->isEnabled());
        QSignalSpy reset(m_page.get(), &ObjectsPage::resetFinished);
        QTest::mouseClick(panel->resetSelectedButton(), Qt::LeftButton);
        QVERIFY(reset.wait());
        QTRY_COMPARE(m_page->uncommittedModel()->rowCount(), 1);
        QCOMPARE(m_page->uncommittedModel()->index(0, UncommittedModel::PathColumn).data().toString(),
                 QStringLiteral("more/second.txt"));
        QTest::mouseClick(panel->resetAllButton(), Qt::LeftButton);
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = m_page->findChild<QMessageBox*>(QStringLiteral("confirmResetAll"))) != nullptr);
        QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("confirmButton")), Qt::LeftButton);
        QVERIFY(reset.wait());
        QTRY_COMPARE(m_page->uncommittedModel()->rowCount(), 0);
        QVERIFY(m_backend->diffBranch("sales-orders", "main", {})->results.empty());
    }

    void uploadRefusedOnTag()
    {
        m_page->setRef(QStringLiteral("v1.0"));
        QSignalSpy uploaded(m_page.get(), &ObjectsPage::uploadFinished);
        m_page->uploadPaths({QStringLiteral("/etc/hostname")}, QString());
        QCOMPARE(uploaded.count(), 1);
        QCOMPARE(uploaded.first().at(1).toBool(), false);
        QVERIFY(m_page->messageBar()->text().contains(QStringLiteral("not a branch")));
    }
};

QTEST_MAIN(TestObjectsPage)
#include "tst_objectspage.moc"

// SPDX-License-Identifier: Apache-2.0
#include "compare/tablediffpane.h"

#include "compare/colorroleproxy.h"
#include "compare/tablediffmodel.h"
#include "tabular/diffexport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace lakeside::ui {

using tabular::ColumnStatus;

TableDiffPane::TableDiffPane(QWidget* parent) : QWidget(parent)
{
    m_model = new compare::TableDiffModel(this);
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("countsLabel"));
    m_schema = new QLabel(this);
    m_schema->setObjectName(QStringLiteral("schemaLabel"));
    m_schema->setWordWrap(true);
    m_changedOnly = new QCheckBox(tr("Changed rows only"), this);
    m_changedOnly->setObjectName(QStringLiteral("changedOnly"));
    m_key = new QComboBox(this);
    m_key->setObjectName(QStringLiteral("keyColumn"));
    m_export = new QPushButton(tr("Export…"), this);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("tableDiff"));
    m_view->setModel(new ColorRoleProxy(-1, compare::TableDiffModel::BackgroundColorRole, this));
    static_cast<ColorRoleProxy*>(m_view->model())->setSourceModel(m_model);
    m_view->setAlternatingRowColors(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    // One line per row, spreadsheet-like, so a screen shows many rows; a
    // changed cell ("old → new") stays on one line and its column is sized
    // to fit (see fitColumns).
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    // Row numbers of the diff are no line numbers of either file (removed
    // rows are interleaved); the width goes to the columns instead.
    m_view->verticalHeader()->hide();
    m_key->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    // Two lines: what changed (counts, schema) on the left, the controls on
    // the right, so neither is cut off in a narrow pane.
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_counts, 1);
    bar->addWidget(new QLabel(tr("Key:"), this));
    bar->addWidget(m_key);
    auto* schemaBar = new QHBoxLayout;
    schemaBar->addWidget(m_schema, 1);
    schemaBar->addWidget(m_changedOnly);
    schemaBar->addWidget(m_export);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addLayout(schemaBar);
    layout->addWidget(m_view, 1);

    connect(m_changedOnly, &QCheckBox::toggled, m_model, &compare::TableDiffModel::setChangedOnly);
    connect(m_export, &QPushButton::clicked, this, &TableDiffPane::exportWithDialog);
    connect(m_key, &QComboBox::activated, this, [this](int index) {
        if (m_settingKeys) return;
        std::vector<std::string> keys;
        if (index > 0) keys.push_back(m_key->itemText(index).toStdString());
        emit keyColumnsRequested(keys);
    });
}

void TableDiffPane::setResult(const tabular::TableDiffResult& result)
{
    const int oldColumns = m_model->columnCount();
    m_model->setResult(result);
    // Fit the columns to what they show when the columns change and once
    // the final rows are in; not on every snapshot, so they do not jump.
    if (m_model->columnCount() != oldColumns || !result.isPartial()) fitColumns();
    const auto& s = result.summary();
    const QString counts = tr("%1 added, %2 removed, %3 changed rows (%4 cells), %5 unchanged")
                               .arg(s.added).arg(s.removed).arg(s.changed).arg(s.changedCells).arg(s.unchanged);
    if (result.isPartial()) {
        m_counts->setText(tr("So far (%1 old, %2 new rows read): %3").arg(s.oldRows).arg(s.newRows).arg(counts));
        m_counts->setToolTip(tr("The comparison is still running; rows appear as they are found."));
    } else {
        m_counts->setText(counts);
        m_counts->setToolTip(QString::fromStdString(tabular::diffSummaryText(result)));
    }
    m_export->setEnabled(!result.isPartial());

    QStringList changes;
    for (const auto& c : result.schema().columns) {
        const QString name = QString::fromStdString(c.name());
        switch (c.status) {
        case ColumnStatus::Unchanged: break;
        case ColumnStatus::Added: changes << tr("added %1").arg(name); break;
        case ColumnStatus::Removed: changes << tr("removed %1").arg(name); break;
        case ColumnStatus::Renamed:
            changes << tr("renamed %1 → %2").arg(QString::fromStdString(c.oldName), name);
            break;
        case ColumnStatus::Retyped:
            changes << tr("retyped %1 (%2 → %3)")
                           .arg(name, QString::fromLatin1(tabular::columnTypeName(c.oldType)),
                                QString::fromLatin1(tabular::columnTypeName(c.newType)));
            break;
        case ColumnStatus::RenamedRetyped:
            changes << tr("renamed and retyped %1 → %2").arg(QString::fromStdString(c.oldName), name);
            break;
        }
    }
    m_schema->setText(changes.isEmpty() ? tr("Schema unchanged") : tr("Schema: ") + changes.join(QStringLiteral("; ")));

    // The key chooser lists columns present on both sides; the current key is
    // selected. Refilled only when that changes (not on every snapshot).
    QStringList items{tr("(auto: %1)").arg(QString::fromStdString(result.matchDescription()))};
    for (const auto& c : result.schema().columns)
        if (c.inBoth()) items << QString::fromStdString(c.name());
    const QString keyItems = items.join(QLatin1Char('\n'));
    if (keyItems == m_keyItems) return;
    m_keyItems = keyItems;
    m_settingKeys = true;
    m_key->clear();
    m_key->addItems(items);
    if (result.keyMode() == tabular::KeyMode::UserKey && result.keyColumns().size() == 1) {
        const int idx = m_key->findText(QString::fromStdString(result.schema().columns[size_t(result.keyColumns()[0])].name()));
        if (idx > 0) m_key->setCurrentIndex(idx);
    }
    m_settingKeys = false;
}

void TableDiffPane::fitColumns()
{
    // The rows on screen decide (QHeaderView's resizeContentsPrecision);
    // very long values are capped so one column cannot push the rest away.
    const int cap = std::max(160, m_view->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 48);
    m_view->resizeColumnsToContents();
    for (int c = 0; c < m_model->columnCount(); ++c)
        if (m_view->columnWidth(c) > cap) m_view->setColumnWidth(c, cap);
}

QString TableDiffPane::exportTo(const QString& path) const
{
    const Status st = tabular::exportDiffFile(m_model->result(), path.toStdString());
    return st.ok() ? QString() : QString::fromStdString(st.message());
}

void TableDiffPane::exportWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export table diff"), QString(),
                                                      tr("HTML report (*.html);;CSV (*.csv)"));
    if (path.isEmpty()) return;
    const QString error = exportTo(path);
    if (!error.isEmpty()) emit errorOccurred(tr("Export failed: %1").arg(error));
}

} // namespace lakeside::ui

// SPDX-License-Identifier: Apache-2.0
#include "compare/comparesummary.h"

#include "api/types.h"
#include "compare/changedobjectsmodel.h"

#include <QBarSeries>
#include <QChart>
#include <QChartView>
#include <QPieSeries>
#include <QStandardItemModel>
#include <QValueAxis>
#include <QVBarModelMapper>
#include <QVBoxLayout>
#include <QVPieModelMapper>

#include <algorithm>
#include <map>

namespace lakeside::ui {

using compare::ChangedObjectsModel;

CompareSummary::CompareSummary(QWidget* parent) : QWidget(parent)
{
    m_counts = new QStandardItemModel(1, 3, this);
    m_counts->setHorizontalHeaderLabels({tr("Added"), tr("Removed"), tr("Changed")});
    for (int c = 0; c < 3; ++c) m_counts->setData(m_counts->index(0, c), 0);
    m_bytes = new QStandardItemModel(0, 2, this);

    auto* bars = new QBarSeries(this);
    auto* barMapper = new QVBarModelMapper(this);
    barMapper->setFirstBarSetColumn(0);
    barMapper->setLastBarSetColumn(2);
    barMapper->setFirstRow(0);
    barMapper->setRowCount(1);
    barMapper->setSeries(bars);
    barMapper->setModel(m_counts);
    auto* barChart = new QChart;
    barChart->addSeries(bars);
    barChart->setTitle(tr("Objects by change"));
    barChart->createDefaultAxes();
    // Whole objects: an integer axis from 0, rescaled in updateFrom (the
    // default axes keep the range of the empty series they were made for).
    for (QAbstractAxis* axis : barChart->axes(Qt::Vertical))
        if (auto* values = qobject_cast<QValueAxis*>(axis)) {
            m_countAxis = values;
            values->setLabelFormat(QStringLiteral("%d"));
            values->setRange(0, 1);
            values->setTickCount(2);
        }
    for (QAbstractAxis* axis : barChart->axes(Qt::Horizontal)) axis->setVisible(false); // one category, no label

    auto* pie = new QPieSeries(this);
    auto* pieMapper = new QVPieModelMapper(this);
    pieMapper->setLabelsColumn(0);
    pieMapper->setValuesColumn(1);
    pieMapper->setSeries(pie);
    pieMapper->setModel(m_bytes);
    auto* pieChart = new QChart;
    pieChart->addSeries(pie);
    pieChart->setTitle(tr("Bytes changed by prefix"));

    // One above the other: the list's pane is narrow, and side by side the
    // legends have no room for their labels.
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QChart* chart : {barChart, pieChart}) {
        chart->legend()->setAlignment(Qt::AlignBottom);
        auto* view = new QChartView(chart, this);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(160);
        layout->addWidget(view);
    }
}

void CompareSummary::updateFrom(const QAbstractItemModel& objects)
{
    int counts[3] = {0, 0, 0};
    std::map<QString, qint64> bytes;
    for (int r = 0; r < objects.rowCount(); ++r) {
        const QModelIndex idx = objects.index(r, 0);
        const auto type = DiffType(idx.data(ChangedObjectsModel::ChangeTypeRole).toInt());
        if (type == DiffType::Added) ++counts[0];
        else if (type == DiffType::Removed) ++counts[1];
        else if (type == DiffType::Changed) ++counts[2];
        const QString path = idx.data(ChangedObjectsModel::PathRole).toString();
        const qsizetype slash = path.indexOf(QLatin1Char('/'));
        const QString prefix = slash < 0 ? QStringLiteral("/") : path.left(slash + 1);
        bytes[prefix] += idx.data(ChangedObjectsModel::BytesRole).toLongLong();
    }
    for (int c = 0; c < 3; ++c) m_counts->setData(m_counts->index(0, c), counts[c]);
    if (m_countAxis) {
        const int top = std::max({1, counts[0], counts[1], counts[2]});
        m_countAxis->setRange(0, top);
        m_countAxis->setTickCount(std::min(top, 4) + 1);
    }
    m_bytes->removeRows(0, m_bytes->rowCount());
    for (const auto& [prefix, n] : bytes) {
        auto* label = new QStandardItem(prefix);
        auto* value = new QStandardItem;
        value->setData(n, Qt::DisplayRole);
        m_bytes->appendRow({label, value});
    }
}

} // namespace lakeside::ui

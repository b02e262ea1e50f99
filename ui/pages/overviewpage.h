// SPDX-License-Identifier: Apache-2.0
#pragma once
// Overview tab: a repository at a glance — default branch, counts, latest
// commits — with two Qt Charts views fed by table models in model/ (through
// model mappers, so the chart is just another view): commit activity over
// time and the number of objects per branch.

#include <QWidget>

#include <memory>

#include "jobs/jobtracker.h"

class QBarCategoryAxis;
class QHorizontalBarSeries;
class QChart;
class QChartView;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QSortFilterProxyModel;
class QTreeWidget;
class QValueAxis;

namespace lakeside {
class Backend;
class BranchObjectsModel;
class CommitActivityModel;
class TaskCenter;
}

namespace lakeside::ui {

class MessageBar;

class OverviewPage : public QWidget {
    Q_OBJECT
public:
    OverviewPage(std::shared_ptr<Backend> backend, const QString& repo, TaskCenter* tasks, QWidget* parent = nullptr);
    ~OverviewPage() override;

    void refresh();
    MessageBar* messageBar() const { return m_messages; }
    CommitActivityModel* activityModel() const { return m_activity; }
    BranchObjectsModel* branchObjectsModel() const { return m_branchObjects; }
    QTreeWidget* latestCommits() const { return m_latest; }
    QLabel* summaryLabel() const { return m_summary; }
    QChartView* activityChart() const { return m_activityView; }
    QChartView* branchChart() const { return m_branchView; }
    // Branch names on the chart are elided past this many average characters.
    static constexpr int kBranchLabelChars = 18;
    // The full branch name and its object count, shown when a bar is hovered.
    QString branchToolTip(int row) const;

signals:
    void loaded();

private:
    void updateAxes();
    std::shared_ptr<Backend> m_backend;
    QString m_repo;
    MessageBar* m_messages;
    QLabel* m_title;
    QLabel* m_summary;
    QLabel* m_stats[4];
    CommitActivityModel* m_activity;
    BranchObjectsModel* m_branchObjects;
    QSortFilterProxyModel* m_branchRows; // bottom-up order for the horizontal bars
    QChartView* m_activityView;
    QChartView* m_branchView;
    QLineSeries* m_activitySeries;
    QDateTimeAxis* m_timeAxis;
    QValueAxis* m_countAxis;
    QHorizontalBarSeries* m_barSeries;
    QBarCategoryAxis* m_branchAxis;
    QValueAxis* m_objectsAxis;
    QTreeWidget* m_latest;
    JobTracker m_job;
};

} // namespace lakeside::ui

// SPDX-License-Identifier: Apache-2.0
#include "overviewpage.h"

#include "models/repositorysummary.h"
#include "session/qtconvert.h"
#include "theme/icons.h"
#include "theme/theme.h"
#include "widgets/messagebar.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCursor>
#include <QHorizontalBarSeries>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QElapsedTimer>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLoggingCategory>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QToolTip>
#include <QTreeWidget>
#include <QVBarModelMapper>
#include <QVBoxLayout>
#include <QVXYModelMapper>

#include <cmath>
#include <QValueAxis>

namespace lakeside::ui {

Q_LOGGING_CATEGORY(lcOverview, "lakeside.ui.overview", QtInfoMsg)

namespace {

QLabel* statCard(QWidget* parent, QGridLayout* grid, int column, const QString& caption)
{
    auto* frame = new QFrame(parent);
    frame->setObjectName(QStringLiteral("statCard"));
    frame->setFrameShape(QFrame::StyledPanel);
    auto* v = new QVBoxLayout(frame);
    v->setContentsMargins(14, 10, 14, 10);
    auto* value = new QLabel(QStringLiteral("–"), frame);
    QFont f = value->font();
    f.setPointSizeF(f.pointSizeF() * 1.8);
    f.setBold(true);
    value->setFont(f);
    auto* label = new QLabel(caption, frame);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, pal.color(QPalette::Disabled, QPalette::WindowText));
    label->setPalette(pal);
    v->addWidget(value);
    v->addWidget(label);
    grid->addWidget(frame, 0, column);
    return value;
}

// Rows in reverse order: a horizontal bar chart draws its first category at
// the bottom, and the default branch (the model's first row) belongs on top.
class ReversedRows : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override { return left.row() > right.row(); }
};

QChartView* chartView(QChart* chart, const QString& title, QWidget* parent)
{
    // The theme first: it resets fonts and colours set before it.
    chart->setTheme(Theme::isDark() ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setTitle(title);
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(4);
    chart->setMargins(QMargins(6, 6, 6, 6));
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(260);
    return view;
}

} // namespace

OverviewPage::OverviewPage(std::shared_ptr<Backend> backend, const QString& repo, TaskCenter*, QWidget* parent)
    : QWidget(parent), m_backend(std::move(backend)), m_repo(repo), m_messages(new MessageBar(this)),
      m_title(new QLabel(repo, this)), m_summary(new QLabel(this)), m_activity(new CommitActivityModel(this)),
      m_branchObjects(new BranchObjectsModel(this)), m_latest(new QTreeWidget(this)), m_job(this)
{
    setObjectName(QStringLiteral("overviewPage"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(10);
    layout->addWidget(m_messages);
    auto* header = new QHBoxLayout;
    auto* iconLabel = new QLabel(this);
    iconLabel->setPixmap(icon("repository").pixmap(28, 28));
    header->addWidget(iconLabel);
    QFont tf = m_title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.6);
    tf.setBold(true);
    m_title->setFont(tf);
    header->addWidget(m_title);
    header->addSpacing(12);
    m_summary->setObjectName(QStringLiteral("overviewSummary"));
    header->addWidget(m_summary, 1);
    layout->addLayout(header);

    auto* stats = new QGridLayout;
    stats->setSpacing(10);
    m_stats[0] = statCard(this, stats, 0, tr("Branches"));
    m_stats[1] = statCard(this, stats, 1, tr("Tags"));
    m_stats[2] = statCard(this, stats, 2, tr("Commits on the default branch"));
    m_stats[3] = statCard(this, stats, 3, tr("Objects on the default branch"));
    layout->addLayout(stats);

    // Commit activity: a line over the buckets, mapped from the model.
    auto* activityChart = new QChart;
    m_activitySeries = new QLineSeries(activityChart);
    m_activitySeries->setPointsVisible(true);
    QPen pen(QColor(0x3b, 0x82, 0xc4));
    pen.setWidthF(2);
    m_activitySeries->setPen(pen);
    activityChart->addSeries(m_activitySeries);
    auto* xyMapper = new QVXYModelMapper(this);
    xyMapper->setXColumn(CommitActivityModel::TimeColumn);
    xyMapper->setYColumn(CommitActivityModel::CommitsColumn);
    xyMapper->setSeries(m_activitySeries);
    xyMapper->setModel(m_activity);
    m_timeAxis = new QDateTimeAxis(activityChart);
    m_timeAxis->setFormat(QStringLiteral("MMM d"));
    m_countAxis = new QValueAxis(activityChart);
    m_countAxis->setLabelFormat(QStringLiteral("%d"));
    activityChart->addAxis(m_timeAxis, Qt::AlignBottom);
    activityChart->addAxis(m_countAxis, Qt::AlignLeft);
    m_activitySeries->attachAxis(m_timeAxis);
    m_activitySeries->attachAxis(m_countAxis);
    m_activityView = chartView(activityChart, tr("Commit activity"), this);
    m_activityView->setObjectName(QStringLiteral("activityChart"));

    // Objects per branch: one bar set, one horizontal bar per model row, so
    // branch names read left of their bars instead of being cut under them.
    auto* barChart = new QChart;
    m_barSeries = new QHorizontalBarSeries(barChart);
    barChart->addSeries(m_barSeries);
    auto* barMapper = new QVBarModelMapper(this);
    barMapper->setFirstBarSetColumn(BranchObjectsModel::ObjectsColumn);
    barMapper->setLastBarSetColumn(BranchObjectsModel::ObjectsColumn);
    barMapper->setSeries(m_barSeries);
    m_branchRows = new ReversedRows(this);
    m_branchRows->setSourceModel(m_branchObjects);
    m_branchRows->sort(0);
    barMapper->setModel(m_branchRows);
    m_branchAxis = new QBarCategoryAxis(barChart);
    m_objectsAxis = new QValueAxis(barChart);
    m_objectsAxis->setLabelFormat(QStringLiteral("%d"));
    m_branchAxis->setGridLineVisible(false);
    barChart->addAxis(m_branchAxis, Qt::AlignLeft);
    barChart->addAxis(m_objectsAxis, Qt::AlignBottom);
    m_barSeries->attachAxis(m_branchAxis);
    m_barSeries->attachAxis(m_objectsAxis);
    m_branchView = chartView(barChart, tr("Objects per branch"), this);
    m_branchView->setObjectName(QStringLiteral("branchChart"));
    connect(m_barSeries, &QAbstractBarSeries::hovered, this, [this](bool on, int index) {
        const int row = m_branchRows->mapToSource(m_branchRows->index(index, 0)).row();
        if (on) QToolTip::showText(QCursor::pos(), branchToolTip(row), m_branchView);
        else QToolTip::hideText();
    });

    auto* charts = new QHBoxLayout;
    charts->setSpacing(10);
    charts->addWidget(m_activityView, 3);
    charts->addWidget(m_branchView, 2);
    layout->addLayout(charts, 3);

    auto* latestTitle = new QLabel(tr("Latest commits on the default branch"), this);
    QFont lf = latestTitle->font();
    lf.setBold(true);
    latestTitle->setFont(lf);
    layout->addWidget(latestTitle);
    m_latest->setObjectName(QStringLiteral("latestCommits"));
    m_latest->setHeaderLabels({tr("Commit"), tr("Message"), tr("Committer"), tr("Date")});
    m_latest->setRootIsDecorated(false);
    m_latest->setUniformRowHeights(true);
    m_latest->setAlternatingRowColors(true);
    m_latest->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_latest->header()->setStretchLastSection(false);
    m_latest->header()->resizeSection(0, 110);
    m_latest->header()->resizeSection(2, 140);
    m_latest->header()->resizeSection(3, 140);
    layout->addWidget(m_latest, 2);

    connect(m_activity, &QAbstractItemModel::modelReset, this, &OverviewPage::updateAxes);
    connect(m_branchObjects, &QAbstractItemModel::modelReset, this, &OverviewPage::updateAxes);
    refresh();
}

OverviewPage::~OverviewPage() = default;

void OverviewPage::refresh()
{
    QElapsedTimer timer;
    timer.start();
    m_job.start(
        [b = m_backend, repo = ss(m_repo)](const OpContext& ctx) {
            return loadRepositorySummary(*b, repo, SummaryLimits{}, ctx);
        },
        [this, timer](RepositorySummary s) {
            if (s.error) {
                m_messages->showError(errorText(tr("Loading the overview of %1").arg(m_repo), *s.error));
                return;
            }
            m_summary->setText(tr("default branch <b>%1</b> · created %2 · %3")
                                   .arg(qs(s.repo.default_branch),
                                        fromUnix(s.repo.creation_date).toString(QStringLiteral("yyyy-MM-dd")),
                                        qs(s.repo.storage_namespace).toHtmlEscaped()));
            m_stats[0]->setText(QString::number(s.branches));
            m_stats[1]->setText(QString::number(s.tags));
            m_stats[2]->setText(QString::number(s.commits) + (s.commitsCapped ? QStringLiteral("+") : QString()));
            const auto& counts = s.objectsPerBranch;
            m_stats[3]->setText(counts.isEmpty() ? QStringLiteral("0")
                                                 : QString::number(counts.first().objects)
                                                       + (counts.first().capped ? QStringLiteral("+") : QString()));
            m_activity->setActivity(s.activity, s.weekly);
            m_branchObjects->setCounts(s.objectsPerBranch);
            m_activityView->chart()->setTitle(s.weekly ? tr("Commits per week") : tr("Commits per day"));
            m_latest->clear();
            for (const Commit& c : s.latest) {
                auto* item = new QTreeWidgetItem(m_latest);
                item->setIcon(0, icon("commit"));
                item->setText(0, qs(c.id).left(10));
                item->setText(1, qs(c.message).section(u'\n', 0, 0));
                item->setText(2, qs(c.committer));
                item->setText(3, fromUnix(c.creation_date).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
                item->setToolTip(1, qs(c.message));
            }
            const int rows = m_activity->rowCount() + m_branchObjects->rowCount() + m_latest->topLevelItemCount();
            qCInfo(lcOverview).noquote() << "view ready: overview" << rows << "rows in" << timer.elapsed() << "ms";
            emit loaded();
        });
}

// Integer ticks at a round interval, so "%d" labels never repeat or skip.
static void integerAxis(QValueAxis* axis, qreal max)
{
    const qreal top = std::max<qreal>(max, 1);
    const qreal bases[] = {1, 2, 5};
    int i = 0;
    qreal magnitude = 1, step = 1;
    while (top / step > 6) {
        if (++i == 3) {
            i = 0;
            magnitude *= 10;
        }
        step = bases[i] * magnitude;
    }
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    axis->setRange(0, (std::floor(top / step) + 1) * step);
}

void OverviewPage::updateAxes()
{
    const int n = m_activity->rowCount();
    if (n > 0) {
        const auto first = QDateTime::fromMSecsSinceEpoch(qint64(m_activity->index(0, 0).data().toReal()));
        const auto last = QDateTime::fromMSecsSinceEpoch(qint64(m_activity->index(n - 1, 0).data().toReal()));
        // A little room on both sides so the end points are not cut.
        m_timeAxis->setRange(first.addDays(-1), last.addDays(1));
        m_timeAxis->setTickCount(std::min(n + 2, 8));
        integerAxis(m_countAxis, m_activity->maxCommits());
    }
    QStringList labels;
    qreal maxObjects = 1;
    // Long names are elided in the middle (prefixes and suffixes such as
    // "-2024-w13" both tell branches apart); the bar's tooltip has the full name.
    const QFontMetrics fm(m_branchAxis->labelsFont());
    const int maxWidth = fm.horizontalAdvance(QLatin1Char('n')) * kBranchLabelChars;
    for (int i = 0; i < m_branchRows->rowCount(); ++i) {
        QString label = fm.elidedText(m_branchRows->index(i, 0).data().toString(), Qt::ElideMiddle, maxWidth);
        while (labels.contains(label)) label += QChar(0x200B); // categories must be unique
        labels << label;
        maxObjects = std::max(maxObjects, m_branchRows->index(i, 1).data().toReal());
    }
    m_branchAxis->setCategories(labels);
    integerAxis(m_objectsAxis, maxObjects);
    QPen pen(QColor(0x3b, 0x82, 0xc4));
    pen.setWidthF(2);
    m_activitySeries->setPen(pen);
    for (QBarSet* set : m_barSeries->barSets()) set->setColor(QColor(0x2e, 0x9e, 0x5b));
}

QString OverviewPage::branchToolTip(int row) const
{
    if (row < 0 || row >= m_branchObjects->rowCount()) return {};
    const int objects = m_branchObjects->index(row, BranchObjectsModel::ObjectsColumn).data().toInt();
    return tr("%1: %n object(s)", nullptr, objects).arg(m_branchObjects->index(row, 0).data().toString());
}

} // namespace lakeside::ui

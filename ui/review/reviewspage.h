// SPDX-License-Identifier: Apache-2.0
#pragma once
// The Reviews tab of a repository: its review requests with a status filter
// (open, closed, merged, all), "New review request…", and the review screen
// of the selected request beside the list. The list loads when the tab is
// first shown, so opening a repository costs no review requests.
// Thread safety: GUI thread only.

#include "api/backend.h"
#include "jobs/jobtracker.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeView;

namespace lakeside::reviews {
class PullRequestListModel;
}

namespace lakeside::ui {

class NewReviewDialog;
class ReviewScreen;

class ReviewsPage : public QWidget {
    Q_OBJECT
public:
    ReviewsPage(std::shared_ptr<Backend> backend, const QString& repo, QWidget* parent = nullptr);

    reviews::PullRequestListModel* model() const { return m_model; }
    ReviewScreen* screen() const { return m_screen; }
    QTreeView* listView() const { return m_list; }
    // The open "New review request" dialog, if any.
    NewReviewDialog* newReviewDialog() const;

public slots:
    void refresh();
    // Opens the dialog (after fetching the branches in a job).
    void newReview();
    // Shows request `id` in the review screen (and selects it in the list when listed).
    void openPull(const QString& id);

signals:
    void refsChanged();
    // A new request exists (its id).
    void pullCreated(const QString& id);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void create(const PullRequestCreation& c);
    void showError(const QString& message);
    void selectPending();

    std::shared_ptr<Backend> m_backend;
    QString m_repo;
    QString m_pending; // id to select once the list shows it
    bool m_started = false;
    reviews::PullRequestListModel* m_model;
    QComboBox* m_filter;
    QPushButton* m_new;
    QPushButton* m_refresh;
    QLabel* m_message;
    QTreeView* m_list;
    ReviewScreen* m_screen;
    QPointer<NewReviewDialog> m_dialog;
    JobTracker m_job{this};
};

} // namespace lakeside::ui

// SPDX-License-Identifier: Apache-2.0
#pragma once
// One main-window tab per opened repository: its pages (History, Overview,
// Objects, Compare, Reviews, Actions) as inner tabs, all on the same backend
// and repository, and a "Repository settings…" button (branch protection).

#include <QWidget>

#include <memory>

class QTabWidget;

namespace lakeside {
class Backend;
class TaskCenter;
}

namespace lakeside::ui {

class ActionsPage;
class ComparePage;
class ObjectsPage;
class RepositorySettingsDialog;
class ReviewsPage;
class OverviewPage;

class RepositoryView : public QWidget {
    Q_OBJECT
public:
    RepositoryView(std::shared_ptr<Backend> backend, int connection, const QString& repo, TaskCenter* tasks,
                   QWidget* parent = nullptr);

    int connection() const { return m_connection; }
    QString repository() const { return m_repo; }
    std::shared_ptr<Backend> backend() const { return m_backend; }
    QTabWidget* pages() const { return m_pages; }
    OverviewPage* overviewPage() const { return m_overview; }
    ObjectsPage* objectsPage() const { return m_objects; }
    QWidget* historyPage() const { return m_history; }
    ComparePage* comparePage() const { return m_compare; }
    // Null in builds without the merge-review workstream.
    ReviewsPage* reviewsPage() const { return m_reviews; }
    ActionsPage* actionsPage() const { return m_actions; }
    // The open settings dialog, if any.
    RepositorySettingsDialog* settingsDialog() const;

    // Shows the Objects tab at `ref` (a branch, tag or commit expression).
    void browse(const QString& ref);
    void showOverview();
    // Shows the Compare tab comparing `left` with `right`.
    void showCompare(const QString& left, const QString& right);
    // Reloads every page (after refs changed elsewhere).
    void refresh();
    // Opens the repository settings dialog (branch protection).
    void showSettings();

signals:
    // A page created, moved or deleted a ref (commit, reset, new branch).
    void refsChanged();
    void compareRequested(const QString& left, const QString& right);

private:
    std::shared_ptr<Backend> m_backend;
    int m_connection;
    QString m_repo;
    QTabWidget* m_pages;
    QWidget* m_history = nullptr;
    OverviewPage* m_overview;
    ObjectsPage* m_objects;
    ComparePage* m_compare = nullptr;
    ReviewsPage* m_reviews = nullptr;
    ActionsPage* m_actions = nullptr;
    QWidget* m_settings = nullptr; // QPointer-like: cleared on destruction
};

} // namespace lakeside::ui

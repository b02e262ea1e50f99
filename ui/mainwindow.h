// SPDX-License-Identifier: Apache-2.0
#pragma once
// The main window: sidebar (connections, repositories, branches, tags) on
// the left, one tab per opened repository in the centre, a status bar with
// the progress of long operations. It composes the parts and wires their
// signals; the work happens in pages, RefActions and jobs.
//
// The window never knows which kind of Backend a connection holds.
// Geometry, splitter and theme are remembered in QSettings.

#include <QMainWindow>

#include <memory>

class QActionGroup;
class QLabel;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace lakeside {
class Backend;
class ConnectionTreeModel;
class TaskCenter;
}

namespace lakeside::ui {

class MessageBar;
class RefActions;
class RepositoryView;
class Sidebar;
class TaskStatusWidget;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Adds a connection to the sidebar and loads it (a lazy one on first
    // expansion, see ConnectionTreeModel). Returns its id.
    int addConnection(const QString& name, std::shared_ptr<Backend> backend);
    // Closes every tab open on `connection` (after it was removed or edited:
    // those tabs hold its old backend).
    void closeConnectionTabs(int connection);

    // Opens (or focuses) the tab of `repo`; with a ref, shows Objects at it.
    RepositoryView* openRepository(int connection, const QString& repo, const QString& ref = QString());
    RepositoryView* currentRepositoryView() const;
    RepositoryView* findRepositoryView(int connection, const QString& repo) const;

    ConnectionTreeModel* connections() const { return m_connections; }
    Sidebar* sidebar() const { return m_sidebar; }
    QTabWidget* tabs() const { return m_tabs; }
    MessageBar* messageBar() const { return m_messages; }
    TaskCenter* tasks() const { return m_tasks; }
    TaskStatusWidget* taskStatus() const { return m_taskStatus; }
    RefActions* refActions() const { return m_refActions; }
    // The File menu, so the connections controller can add its actions.
    QMenu* fileMenu() const { return m_fileMenu; }

    void saveSettings() const;
    void restoreSettings();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void closeTab(int index);
    void refreshAll();
    void onRefsChanged(int connection, const QString& repo);
    void showAbout();
    void updateEmptyState();

    ConnectionTreeModel* m_connections;
    TaskCenter* m_tasks;
    Sidebar* m_sidebar;
    QSplitter* m_splitter;
    QStackedWidget* m_centre;
    QTabWidget* m_tabs;
    QLabel* m_welcome;
    MessageBar* m_messages;
    TaskStatusWidget* m_taskStatus;
    QLabel* m_connectionLabel;
    RefActions* m_refActions;
    QActionGroup* m_themeGroup = nullptr;
    QMenu* m_fileMenu = nullptr;
};

} // namespace lakeside::ui

// SPDX-License-Identifier: Apache-2.0
#pragma once
// The right side of the Objects tab: a preview of the selected object —
// a table for CSV/TSV/NDJSON, pretty JSON, text, or an image (decoded with
// QImageReader in the same job that downloads it). Each new selection
// cancels the previous preview; only the newest is shown.

#include <QWidget>

#include <memory>

#include "jobs/jobtracker.h"

class QLabel;
class QPlainTextEdit;
class QScrollArea;
class QStackedWidget;
class QTableView;

namespace lakeside {
class Backend;
class PreviewTableModel;
}

namespace lakeside::ui {

class PreviewPane : public QWidget {
    Q_OBJECT
public:
    enum class Shown { Nothing, Loading, Table, Text, Image, Message };
    explicit PreviewPane(QWidget* parent = nullptr);
    ~PreviewPane() override;

    void showObject(std::shared_ptr<Backend> backend, const QString& repo, const QString& ref, const QString& path);
    void showPlaceholder(const QString& text);

    Shown shown() const { return m_shown; }
    QTableView* tableView() const { return m_table; }
    QPlainTextEdit* textView() const { return m_text; }
    QLabel* imageLabel() const { return m_image; }
    QLabel* titleLabel() const { return m_title; }
    QString messageText() const;

signals:
    void previewReady(const QString& path);

private:
    QLabel* m_title;
    QLabel* m_info;
    QStackedWidget* m_stack;
    QTableView* m_table;
    PreviewTableModel* m_tableModel;
    QPlainTextEdit* m_text;
    QScrollArea* m_imageArea;
    QLabel* m_image;
    QLabel* m_message;
    Shown m_shown = Shown::Nothing;
    JobTracker m_job;
};

} // namespace lakeside::ui

// SPDX-License-Identifier: Apache-2.0
#pragma once
// The right side of the Objects tab: a preview of the selected object —
// a table for CSV/TSV/NDJSON, pretty JSON, text, or an image (decoded with
// QImageReader in the same job that downloads it). A Parquet object gets
// three tabs: its rows (decoded lazily, one row group at a time, by
// ParquetRowModel), its schema and its row-group summary; a row group that
// cannot be decoded is reported above them. Each new selection cancels the
// previous preview; only the newest is shown.

#include <QWidget>

#include <memory>

#include "jobs/jobtracker.h"

class QLabel;
class QPlainTextEdit;
class QScrollArea;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace lakeside {
class Backend;
class ParquetRowModel;
struct ParquetPreview;
class PreviewTableModel;
}

namespace lakeside::ui {

class PreviewPane : public QWidget {
    Q_OBJECT
public:
    enum class Shown { Nothing, Loading, Table, Text, Image, Message, Parquet };
    explicit PreviewPane(QWidget* parent = nullptr);
    ~PreviewPane() override;

    void showObject(std::shared_ptr<Backend> backend, const QString& repo, const QString& ref, const QString& path);
    void showPlaceholder(const QString& text);

    Shown shown() const { return m_shown; }
    QTableView* tableView() const { return m_table; }
    QPlainTextEdit* textView() const { return m_text; }
    QLabel* imageLabel() const { return m_image; }
    QLabel* titleLabel() const { return m_title; }
    QLabel* infoLabel() const { return m_info; }
    // Parquet: the Rows / Schema / Row groups tabs and the inline error line.
    QTabWidget* parquetTabs() const { return m_parquetTabs; }
    QTableView* parquetRowsView() const { return m_parquetRows; }
    QTableView* parquetSchemaView() const { return m_parquetSchema; }
    QTableView* parquetRowGroupsView() const { return m_parquetGroups; }
    QLabel* parquetErrorLabel() const { return m_parquetError; }
    ParquetRowModel* parquetModel() const { return m_parquetModel; }
    QString messageText() const;

signals:
    void previewReady(const QString& path);

private:
    void buildParquetPage();
    // Shows an opened Parquet file; appends to the info line and returns the row count.
    int showParquet(const ParquetPreview& preview, QString* info);

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
    QWidget* m_parquet;
    QLabel* m_parquetError;
    QTabWidget* m_parquetTabs;
    QTableView* m_parquetRows;
    ParquetRowModel* m_parquetModel;
    QTableView* m_parquetSchema;
    PreviewTableModel* m_parquetSchemaModel;
    QTableView* m_parquetGroups;
    PreviewTableModel* m_parquetGroupsModel;
    bool m_parquetColumnsSized = false;
    Shown m_shown = Shown::Nothing;
    JobTracker m_job;
};

} // namespace lakeside::ui

// SPDX-License-Identifier: Apache-2.0
#include "previewpane.h"

#include "models/previewtablemodel.h"
#include "preview/objectpreview.h"
#include "preview/parquetpreview.h"
#include "preview/parquetrowmodel.h"
#include "session/qtconvert.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFontDatabase>
#include <QHeaderView>
#include <QImage>
#include <QImageReader>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace lakeside::ui {

Q_LOGGING_CATEGORY(lcPreview, "lakeside.ui.preview", QtInfoMsg)

PreviewPane::PreviewPane(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_info(new QLabel(this)), m_stack(new QStackedWidget(this)),
      m_table(new QTableView(this)), m_tableModel(new PreviewTableModel(this)), m_text(new QPlainTextEdit(this)),
      m_imageArea(new QScrollArea(this)), m_image(new QLabel(this)), m_message(new QLabel(this)),
      m_parquet(new QWidget(this)), m_parquetError(new QLabel(m_parquet)), m_parquetTabs(new QTabWidget(m_parquet)),
      m_parquetRows(new QTableView(this)), m_parquetModel(new ParquetRowModel(this)),
      m_parquetSchema(new QTableView(this)), m_parquetSchemaModel(new PreviewTableModel(this)),
      m_parquetGroups(new QTableView(this)), m_parquetGroupsModel(new PreviewTableModel(this)), m_job(this)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 0, 0, 0);
    layout->setSpacing(4);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_info->setObjectName(QStringLiteral("previewInfo"));
    QPalette infoPal = m_info->palette();
    infoPal.setColor(QPalette::WindowText, infoPal.color(QPalette::Disabled, QPalette::WindowText));
    m_info->setPalette(infoPal);
    layout->addWidget(m_title);
    layout->addWidget(m_info);
    layout->addWidget(m_stack, 1);

    m_table->setObjectName(QStringLiteral("previewTable"));
    m_table->setModel(m_tableModel);
    m_table->setAlternatingRowColors(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_text->setObjectName(QStringLiteral("previewText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_image->setAlignment(Qt::AlignCenter);
    m_imageArea->setWidget(m_image);
    m_imageArea->setWidgetResizable(true);
    m_imageArea->setAlignment(Qt::AlignCenter);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("previewMessage"));
    buildParquetPage();
    for (QWidget* w : {static_cast<QWidget*>(m_message), static_cast<QWidget*>(m_table),
                       static_cast<QWidget*>(m_text), static_cast<QWidget*>(m_imageArea), m_parquet})
        m_stack->addWidget(w);
    showPlaceholder(tr("Select an object to preview it."));
}

void PreviewPane::buildParquetPage()
{
    auto* layout = new QVBoxLayout(m_parquet);
    layout->setContentsMargins(0, 0, 0, 0);
    m_parquetError->setObjectName(QStringLiteral("parquetError"));
    m_parquetError->setWordWrap(true);
    m_parquetError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPal = m_parquetError->palette();
    errorPal.setColor(QPalette::WindowText, QColor(0xc0, 0x39, 0x2b));
    m_parquetError->setPalette(errorPal);
    m_parquetError->hide();
    layout->addWidget(m_parquetError);
    layout->addWidget(m_parquetTabs, 1);
    m_parquetTabs->setObjectName(QStringLiteral("parquetTabs"));
    m_parquetTabs->setDocumentMode(true);

    const struct {
        QTableView* view;
        QAbstractItemModel* model;
        const char* name;
        QString title;
    } pages[] = {{m_parquetRows, m_parquetModel, "parquetRows", tr("Rows")},
                 {m_parquetSchema, m_parquetSchemaModel, "parquetSchema", tr("Schema")},
                 {m_parquetGroups, m_parquetGroupsModel, "parquetRowGroups", tr("Row groups")}};
    for (const auto& page : pages) {
        page.view->setObjectName(QLatin1String(page.name));
        page.view->setModel(page.model);
        page.view->setAlternatingRowColors(true);
        page.view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        page.view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
        page.view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        page.view->verticalHeader()->setDefaultSectionSize(page.view->fontMetrics().height() + 8);
        m_parquetTabs->addTab(page.view, page.title);
    }
    // Millions of rows: every row is the same height, and the header is told so,
    // so neither the view nor its header ever measures rows.
    m_parquetRows->setWordWrap(false);
    m_parquetSchema->verticalHeader()->hide();
    m_parquetGroups->verticalHeader()->hide();
    connect(m_parquetModel, &ParquetRowModel::rowGroupLoaded, this, [this] {
        // Measures the visible rows only, which are decoded by now.
        if (m_parquetColumnsSized) return;
        m_parquetColumnsSized = true;
        m_parquetRows->resizeColumnsToContents();
    });
    connect(m_parquetModel, &ParquetRowModel::loadFailed, this, [this](int rowGroup, const QString& message) {
        m_parquetError->setText(tr("Row group %1 cannot be read: %2").arg(rowGroup).arg(message));
        m_parquetError->show();
    });
}

PreviewPane::~PreviewPane() = default;

QString PreviewPane::messageText() const { return m_message->text(); }

void PreviewPane::showPlaceholder(const QString& text)
{
    m_job.cancel();
    m_parquetModel->setFile(nullptr); // releases the mapped copy of the last Parquet object
    m_title->clear();
    m_info->clear();
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
    m_shown = Shown::Nothing;
}

namespace {
struct Loaded {
    ObjectPreview preview;
    ParquetPreview parquet; // Kind::Parquet
    QImage image;
    QString imageError;
};
} // namespace

void PreviewPane::showObject(std::shared_ptr<Backend> backend, const QString& repo, const QString& ref,
                             const QString& path)
{
    m_title->setText(path);
    m_info->setText(tr("Loading…"));
    m_message->setText(tr("Loading preview…"));
    m_stack->setCurrentWidget(m_message);
    m_shown = Shown::Loading;
    m_parquetModel->setFile(nullptr);
    QElapsedTimer timer;
    timer.start();
    m_job.startWithProgress(
        [backend, r = ss(repo), f = ss(ref), p = ss(path)](const OpContext& ctx) {
            Loaded out;
            out.preview = loadObjectPreview(*backend, r, f, p, PreviewLimits{}, ctx);
            if (out.preview.kind == ObjectPreview::Kind::Parquet) {
                // Only the footer is read here; rows come later, per row group.
                out.parquet = loadParquetPreview(*backend, r, f, p, ctx);
                if (!out.parquet.file) {
                    out.preview.kind = ObjectPreview::Kind::Error;
                    out.preview.text = out.parquet.error;
                }
            }
            if (out.preview.kind == ObjectPreview::Kind::Image) {
                // Decoding happens here, off the UI thread; QImage is safe to build in a worker.
                QBuffer buffer(&out.preview.bytes);
                QImageReader reader(&buffer);
                out.image = reader.read();
                if (out.image.isNull()) out.imageError = reader.errorString();
            }
            return out;
        },
        [this, timer, path](Loaded l) {
            const ObjectPreview& p = l.preview;
            QString info = QLocale().formattedDataSize(p.size);
            int rows = 0;
            switch (p.kind) {
            case ObjectPreview::Kind::Table:
                m_tableModel->setTable(p.table);
                m_table->resizeColumnsToContents();
                m_stack->setCurrentWidget(m_table);
                m_shown = Shown::Table;
                rows = p.rows;
                info += tr(" · %n row(s), %1 column(s)", nullptr, p.rows).arg(p.table.header.size());
                if (p.truncated) info += tr(" · showing the first rows");
                break;
            case ObjectPreview::Kind::Json:
            case ObjectPreview::Kind::Text:
                m_text->setPlainText(p.text);
                m_stack->setCurrentWidget(m_text);
                m_shown = Shown::Text;
                rows = p.rows;
                if (p.kind == ObjectPreview::Kind::Json) info += tr(" · JSON");
                if (p.truncated) info += tr(" · showing the beginning");
                break;
            case ObjectPreview::Kind::Image:
                if (l.image.isNull()) {
                    m_message->setText(tr("Cannot show this image: %1").arg(l.imageError));
                    m_stack->setCurrentWidget(m_message);
                    m_shown = Shown::Message;
                } else {
                    m_image->setPixmap(QPixmap::fromImage(l.image));
                    m_stack->setCurrentWidget(m_imageArea);
                    m_shown = Shown::Image;
                    info += tr(" · %1 × %2 px").arg(l.image.width()).arg(l.image.height());
                    rows = 1;
                }
                break;
            case ObjectPreview::Kind::Parquet:
                rows = showParquet(l.parquet, &info);
                break;
            case ObjectPreview::Kind::Binary:
                m_message->setText(tr("Binary object: no preview. Use Export to save it."));
                m_stack->setCurrentWidget(m_message);
                m_shown = Shown::Message;
                break;
            case ObjectPreview::Kind::Error:
                m_message->setText(tr("Cannot preview %1:\n%2").arg(path, p.text));
                m_stack->setCurrentWidget(m_message);
                m_shown = Shown::Message;
                info.clear();
                break;
            }
            m_info->setText(info);
            qCInfo(lcPreview).noquote() << "view ready: preview" << rows << "rows in" << timer.elapsed() << "ms";
            emit previewReady(path);
        },
        [this](int64_t done, int64_t total) {
            if (m_shown == Shown::Loading && total > 0)
                m_info->setText(tr("Loading… %1 of %2").arg(QLocale().formattedDataSize(done),
                                                             QLocale().formattedDataSize(total)));
        });
}

int PreviewPane::showParquet(const ParquetPreview& p, QString* info)
{
    m_parquetError->hide();
    m_parquetError->clear();
    m_parquetSchemaModel->setTable(p.schema);
    m_parquetGroupsModel->setTable(p.rowGroups);
    m_parquetModel->setFile(p.file);
    m_parquetSchema->resizeColumnsToContents();
    m_parquetGroups->resizeColumnsToContents();
    m_parquetColumnsSized = false; // sized to the first rows once they are decoded
    m_parquetTabs->setCurrentWidget(m_parquetRows);
    m_stack->setCurrentWidget(m_parquet);
    m_shown = Shown::Parquet;
    const qint64 rows = p.file->numRows();
    *info += tr(" · Parquet · %1 row(s), %2 column(s), %3 row group(s)")
                 .arg(QLocale().toString(rows))
                 .arg(p.file->schema().topFields().size())
                 .arg(p.file->numRowGroups());
    if (!p.createdBy.isEmpty()) *info += tr(" · written by %1").arg(p.createdBy);
    return int(std::min<qint64>(rows, INT_MAX));
}

} // namespace lakeside::ui

// SPDX-License-Identifier: Apache-2.0
#include "compare/textdiffpane.h"

#include <QCheckBox>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace lakeside::ui {

using compare::LineOp;

namespace {

const char* kDelBg = "#fbdcdf";
const char* kInsBg = "#d4f4dc";

// Escapes `line`, wrapping the characters in `runs` in a stronger highlight.
QString marked(const QString& line, const QList<compare::CharRun>& runs, const char* colour)
{
    QString out;
    int pos = 0;
    for (const compare::CharRun& r : runs) {
        out += line.mid(pos, r.start - pos).toHtmlEscaped();
        out += QStringLiteral("<span style=\"background:%1\">").arg(QLatin1String(colour))
             + line.mid(r.start, r.length).toHtmlEscaped() + QStringLiteral("</span>");
        pos = r.start + r.length;
    }
    return out + line.mid(pos).toHtmlEscaped();
}

// A hunk's deletes and inserts are paired line by line for intra-line runs.
struct Row {
    int oldLine = -1, newLine = -1;
    QString oldHtml, newHtml;
};

QList<Row> pairRows(const QStringList& a, const QStringList& b, const QList<LineOp>& ops)
{
    QList<Row> rows;
    int i = 0;
    while (i < ops.size()) {
        if (ops[i].kind == LineOp::Equal) {
            const QString h = a[ops[i].oldLine].toHtmlEscaped();
            rows.append({ops[i].oldLine, ops[i].newLine, h, h});
            ++i;
            continue;
        }
        QList<int> dels, ins;
        while (i < ops.size() && ops[i].kind == LineOp::Delete) dels << ops[i++].oldLine;
        while (i < ops.size() && ops[i].kind == LineOp::Insert) ins << ops[i++].newLine;
        for (int k = 0; k < std::max(dels.size(), ins.size()); ++k) {
            Row r;
            if (k < dels.size() && k < ins.size()) {
                const auto runs = compare::diffChars(a[dels[k]], b[ins[k]]);
                r.oldLine = dels[k], r.newLine = ins[k];
                r.oldHtml = marked(a[dels[k]], runs.oldRuns, "#f39ca5");
                r.newHtml = marked(b[ins[k]], runs.newRuns, "#8fdca3");
            } else if (k < dels.size()) {
                r.oldLine = dels[k];
                r.oldHtml = a[dels[k]].toHtmlEscaped();
            } else {
                r.newLine = ins[k];
                r.newHtml = b[ins[k]].toHtmlEscaped();
            }
            rows.append(r);
        }
    }
    return rows;
}

QString cell(int line, const QString& html, const char* bg)
{
    return QStringLiteral("<td style=\"color:#888\">%1</td><td style=\"background:%2\"><pre>%3</pre></td>")
        .arg(line >= 0 ? QString::number(line + 1) : QString(), QLatin1String(bg), html);
}

} // namespace

TextDiffPane::TextDiffPane(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_sideBySide = new QCheckBox(tr("Side by side"), this);
    m_sideBySide->setObjectName(QStringLiteral("sideBySide"));
    m_view = new QTextBrowser(this);
    m_view->setObjectName(QStringLiteral("textDiff"));
    layout->addWidget(m_sideBySide);
    layout->addWidget(m_view);
    connect(m_sideBySide, &QCheckBox::toggled, this, &TextDiffPane::render);
}

void TextDiffPane::setDiff(const QStringList& oldLines, const QStringList& newLines, const compare::LineDiff& diff)
{
    m_old = oldLines;
    m_new = newLines;
    m_diff = diff;
    render();
}

void TextDiffPane::setSideBySide(bool sideBySide)
{
    m_sideBySide->setChecked(sideBySide);
}

QString TextDiffPane::html() const
{
    return m_view->toHtml();
}

void TextDiffPane::render()
{
    const QList<Row> rows = pairRows(m_old, m_new, m_diff.ops);
    QString html = QStringLiteral("<p>%1 lines added, %2 removed</p><table cellspacing=0 cellpadding=1 width=100%>")
                       .arg(m_diff.inserted).arg(m_diff.deleted);
    for (const Row& r : rows) {
        const bool equal = r.oldLine >= 0 && r.newLine >= 0 && r.oldHtml == r.newHtml;
        if (m_sideBySide->isChecked()) {
            html += QStringLiteral("<tr>") + cell(r.oldLine, r.oldHtml, equal || r.oldLine < 0 ? "white" : kDelBg)
                  + cell(r.newLine, r.newHtml, equal || r.newLine < 0 ? "white" : kInsBg) + QStringLiteral("</tr>");
        } else if (equal) {
            html += QStringLiteral("<tr>") + cell(r.newLine, QStringLiteral("  ") + r.newHtml, "white") + QStringLiteral("</tr>");
        } else {
            if (r.oldLine >= 0)
                html += QStringLiteral("<tr>") + cell(r.oldLine, QStringLiteral("- ") + r.oldHtml, kDelBg) + QStringLiteral("</tr>");
            if (r.newLine >= 0)
                html += QStringLiteral("<tr>") + cell(r.newLine, QStringLiteral("+ ") + r.newHtml, kInsBg) + QStringLiteral("</tr>");
        }
    }
    m_view->setHtml(html + QStringLiteral("</table>"));
}

} // namespace lakeside::ui

// SPDX-License-Identifier: Apache-2.0
#pragma once
// Shows a computed line diff, unified or side by side, with the changed
// character runs of paired lines highlighted. Rendering is HTML in a
// read-only QTextBrowser; the diff itself is computed in a job by the page.
//
// Thread safety: GUI thread only.

#include "compare/linediff.h"

#include <QWidget>

class QCheckBox;
class QTextBrowser;

namespace lakeside::ui {

class TextDiffPane : public QWidget {
    Q_OBJECT
public:
    explicit TextDiffPane(QWidget* parent = nullptr);

    void setDiff(const QStringList& oldLines, const QStringList& newLines, const compare::LineDiff& diff);
    void setSideBySide(bool sideBySide);
    QString html() const;

private:
    void render();

    QStringList m_old, m_new;
    compare::LineDiff m_diff;
    QCheckBox* m_sideBySide;
    QTextBrowser* m_view;
};

} // namespace lakeside::ui

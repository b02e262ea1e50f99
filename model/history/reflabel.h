// SPDX-License-Identifier: Apache-2.0
#pragma once
// A branch or tag name shown as a label (pill) on the commit it points to.

#include <QList>
#include <QMetaType>
#include <QString>

namespace lakeside {

struct RefLabel {
    enum class Kind { Branch, DefaultBranch, Tag };
    QString name;
    Kind kind = Kind::Branch;
    friend bool operator==(const RefLabel&, const RefLabel&) = default;
};

} // namespace lakeside

Q_DECLARE_METATYPE(lakeside::RefLabel)

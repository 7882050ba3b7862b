// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>

namespace ddd::core::model {

// One page of a listing and whether rows follow it. Stores read limit + 1
// rows and hand them to fromRows(): the extra row only says "there is more",
// so the last page is known without a second query.
template<typename T>
struct Page final
{
    QList<T> items;
    bool more = false;

    static Page fromRows(QList<T> rows, int limit)
    {
        Page page;
        page.more = rows.size() > limit;
        if (page.more)
            rows.resize(limit);
        page.items = std::move(rows);
        return page;
    }
};

} // namespace ddd::core::model

// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/projectpatch.h"
#include "core/client/remoteproject.h"
#include "core/util/error.h"

#include <QGroupBox>
#include <QHash>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace ddd::app {

// The Build group of a project's settings: which generator builds its
// sources (or detection), the npm script and output folder, whether a
// build's version goes live by itself, minification, build flags, and the
// Git repository a build can clone. Fields an older agent does not know are
// not offered. A refused save is shown under the field it concerns.
class BuildSettingsBox final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BuildSettingsBox)

public:
    explicit BuildSettingsBox(QWidget *parent = nullptr);

    // Shows the saved settings and forgets any refusal shown before.
    void setSettings(const core::client::RemoteProject::Settings &settings);
    // Adds what differs from `stored` to `patch` (minify, flags, `build`).
    void addChanges(core::client::ProjectPatch &patch, const core::client::RemoteProject::Settings &stored) const;
    // Shows a refused save under its field; false when no field here is meant.
    bool showRefusal(const core::Error &error);

signals:
    void changed();

private:
    QWidget *withRefusal(QWidget *field, const QString &key);
    void addRows();
    void updateRows();
    void clearRefusals();
    QStringList buildFlags() const;
    QString generator() const;
    std::optional<core::client::ProjectPatch::Build> buildChanges(
        const core::client::RemoteProject::BuildSettings &stored) const;

    QFormLayout *m_form;
    QComboBox *m_generator;
    QLineEdit *m_npmScript;
    QLineEdit *m_outputDir;
    QCheckBox *m_publish;
    QCheckBox *m_optOutMinify;
    QLineEdit *m_buildFlags;
    QLineEdit *m_gitUrl;
    QLineEdit *m_gitBranch;
    QHash<QString, QWidget *> m_rows; // field key -> the row's widget (field + refusal)
    QHash<QString, QLabel *> m_refusals;
    bool m_hasBuild = false;
    bool m_hasGit = false;
};

} // namespace ddd::app

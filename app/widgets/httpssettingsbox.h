// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/projectpatch.h"
#include "core/client/remoteproject.h"
#include "core/util/error.h"

#include <QGroupBox>

class QCheckBox;
class QLabel;
class QSpinBox;

namespace ddd::app {

// The HTTPS group of a project's settings: redirect plain HTTP to HTTPS,
// and HSTS (max-age, includeSubDomains, preload) for the production domain
// and aliases. Shown only where the settings would do something: the agent
// serves sites over HTTPS now; or one of them is on already, so it can be
// turned off. A refused save is shown in the box.
class HttpsSettingsBox final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpsSettingsBox)

public:
    explicit HttpsSettingsBox(QWidget *parent = nullptr);

    // Shows the saved settings (and hides the box when they cannot apply).
    void setSettings(const core::client::RemoteProject::Settings &settings);
    // Sets patch.https when anything differs from `stored`.
    void addChanges(core::client::ProjectPatch &patch, const core::client::RemoteProject::Settings &stored) const;
    // Shows project.https_unavailable / project.invalid_hsts_preload /
    // an https.* field refusal; false for any other error.
    bool showRefusal(const core::Error &error);

signals:
    void changed();

private:
    core::client::ProjectPatch::Https shown() const;
    void updateRows();

    QCheckBox *m_redirect;
    QCheckBox *m_hsts;
    QSpinBox *m_maxAgeDays;
    QCheckBox *m_includeSubDomains;
    QCheckBox *m_preload;
    QLabel *m_refusal;
    qint64 m_storedMaxAge = 31536000; // kept exactly when the days are not changed
    bool m_offered = false;           // the box is shown: its settings can apply
};

} // namespace ddd::app

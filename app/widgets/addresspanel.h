// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QGroupBox>
#include <QUrl>

#include <optional>

class QGridLayout;
class QLabel;
class QPushButton;

namespace ddd::core::client {
struct RemoteCertificate;
struct RemoteProject;
}
namespace ddd::core::model {
struct Version;
}

namespace ddd::app {

struct AgentProfile;

// Where the selected project's site lives and who may see it: the live and
// staging addresses, each with Open and Copy, the selected version's preview
// address (here rather than in a table column, where a long address was cut
// off at the default window size), the aliases that redirect to the live
// one, and the protection in force.
class AddressPanel final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddressPanel)

public:
    explicit AddressPanel(QWidget *parent = nullptr);

    // Null: no project selected.
    void setSite(const core::client::RemoteProject *project, const AgentProfile &profile);
    // The automatic certificate's line (hidden for nullopt or nothing to say).
    // setSite() hides it until the new project's certificate arrives.
    void setCertificate(const std::optional<core::client::RemoteCertificate> &certificate);
    // The preview row: hidden without a version or when it has no preview.
    void setVersion(const core::model::Version *version);
    QUrl liveAddress() const { return m_live; }
    QUrl stagingAddress() const { return m_staging; }
    QUrl previewAddress() const { return m_preview; }

signals:
    void openRequested(const QUrl &address);
    void copyRequested(const QUrl &address);

private:
    struct Row
    {
        QLabel *label;
        QLabel *address;
        QPushButton *open;
        QPushButton *copy;
    };
    Row addAddressRow(QGridLayout *grid, int row, const QString &label, const QString &name, const QUrl *target);
    QLabel *addTextRow(QGridLayout *grid, int row, const QString &label, const QString &name);
    static void showAddress(Row &row, const QUrl &address, const QString &missing);

    QUrl m_live;
    QUrl m_staging;
    QUrl m_preview;
    Row m_liveRow;
    Row m_stagingRow;
    Row m_previewRow;
    QLabel *m_aliasesLabel;
    QLabel *m_aliases;
    QLabel *m_protection;
    QLabel *m_certificateLabel;
    QLabel *m_certificate;
};

} // namespace ddd::app

// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>
#include <QList>
#include <QStringList>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QStackedWidget;

namespace ddd::app {

// Adding a webhook: the receiver's URL and the events it wants. Once the
// agent made it, the same dialog shows the signing secret with Copy — the
// only time it is ever shown — and Close.
class WebhookDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookDialog)

public:
    explicit WebhookDialog(QWidget *parent = nullptr);

    QString url() const;
    QStringList events() const;
    // After a refusal: the dialog stays open with the agent's reason.
    void showProblem(const QString &text);
    // After creation: the secret, once.
    void showSecret(const QString &secret);
    QString shownSecret() const;

signals:
    // Add was pressed with a URL and at least one event.
    void submitted();

private:
    QWidget *secretPage();
    void updateAddButton();

    QStackedWidget *m_steps;
    QLineEdit *m_url;
    QList<QCheckBox *> m_events;
    QLabel *m_problem;
    QLineEdit *m_secret;
    QDialogButtonBox *m_buttons;
};

} // namespace ddd::app

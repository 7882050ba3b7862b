// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The message bar as a user meets it: codes and addresses only behind the
// Details disclosure, an "agent unreachable" banner that goes by itself when
// the agent answers again, and a page below that never moves as messages of
// different lengths come and go.
#include "app/errormessages.h"
#include "app/widgets/messagebar.h"

#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtTest>

using namespace ddd::app;
using ddd::core::Error;

namespace {

Error unreachable()
{
    return Error::make(u"client.network"_qs, u"Connection refused"_qs,
                       {{u"reason"_qs, u"Connection refused"_qs},
                        {u"url"_qs, u"http://agent.example:8080/api/v1/deploys/3/activate"_qs}});
}

} // namespace

class TestMessageBar final : public QObject
{
    Q_OBJECT

private slots:
    void codesAndAddressesWaitBehindDetails()
    {
        MessageBar bar;
        bar.resize(600, 120);
        bar.show();
        bar.showError(ErrorMessages::describe(unreachable(), u"v4 of Shop could not go live."_qs));
        QVERIFY(bar.text().startsWith(u"v4 of Shop could not go live."_qs));
        QVERIFY(bar.text().contains(u"http://agent.example:8080"_qs));
        QVERIFY(!bar.text().contains(u"/api/v1"_qs));
        QVERIFY(!bar.text().contains(u"client.network"_qs));
        auto *details = bar.findChild<QLabel *>(u"messageDetails"_qs);
        auto *disclosure = bar.findChild<QToolButton *>(u"messageDetailsButton"_qs);
        QVERIFY(disclosure->isVisible());
        QVERIFY(!details->isVisible());
        QVERIFY(bar.details().contains(u"/api/v1/deploys/3/activate"_qs));
        QVERIFY(bar.details().contains(u"Code: client.network"_qs));
        disclosure->click();
        QVERIFY(details->isVisible());
        bar.showMessage(StatusPalette::Level::Good, u"v4 is live."_qs);
        QVERIFY(!disclosure->isVisible()); // nothing behind it now
        QVERIFY(!details->isVisible());
    }

    void anUnreachableBannerGoesWhenTheAgentAnswers()
    {
        MessageBar bar;
        bar.show();
        bar.showError(ErrorMessages::describe(unreachable()));
        bar.conditionEnded(u"something else"_qs);
        QVERIFY(!bar.text().isEmpty());
        bar.conditionEnded(ErrorMessages::unreachable());
        QVERIFY(bar.text().isEmpty());
        // Other errors are about one call: an answer to another does not end them.
        bar.showError(ErrorMessages::describe(Error::make(u"deploy.is_live"_qs, {})));
        bar.conditionEnded(ErrorMessages::unreachable());
        QVERIFY(!bar.text().isEmpty());
    }

    void messagesComingAndGoingDoNotMoveThePage()
    {
        QWidget page;
        auto *bar = new MessageBar(&page);
        bar->setKeepsPlace(true);
        auto *content = new QLabel(u"the page"_qs, &page);
        auto *layout = new QVBoxLayout(&page);
        layout->addWidget(bar);
        layout->addWidget(content, 1);
        page.resize(700, 400);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const int top = content->y();
        bar->showMessage(StatusPalette::Level::Good, u"Done."_qs);
        QApplication::processEvents();
        QCOMPARE(content->y(), top);
        bar->showError(ErrorMessages::describe(unreachable()));
        QApplication::processEvents();
        QCOMPARE(content->y(), top);
        bar->hide();
        QApplication::processEvents();
        QCOMPARE(content->y(), top);
    }
};

QTEST_MAIN(TestMessageBar)
#include "tst_messagebar.moc"

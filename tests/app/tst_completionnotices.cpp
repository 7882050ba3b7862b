// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Desktop notifications for the end of a long upload or build, only while
// the dashboard is in the background, through an injected notifier.
#include "app/completionnotices.h"
#include "app/notifier.h"

#include <QtTest>

using namespace ddd::app;

namespace {

class RecordingNotifier final : public Notifier
{
public:
    QStringList shown;
    void notify(const QString &title, const QString &text, bool failed) override
    {
        shown << title + u": "_qs + text + (failed ? u" (failed)"_qs : QString());
    }
};

} // namespace

class TestCompletionNotices final : public QObject
{
    Q_OBJECT

private slots:
    void aLongJobEndingInTheBackgroundIsAnnounced()
    {
        QWidget window; // never shown: not the active window
        RecordingNotifier notifier;
        CompletionNotices notices(window, notifier, 10'000);
        QVERIFY(notices.finished(60'000, u"Upload finished"_qs, u"v4 of Shop is live."_qs, false));
        QVERIFY(notices.finished(12'000, u"Build failed"_qs, u"Build #3 of Shop did not succeed."_qs, true));
        QCOMPARE(notifier.shown, (QStringList{u"Upload finished: v4 of Shop is live."_qs,
                                              u"Build failed: Build #3 of Shop did not succeed. (failed)"_qs}));
    }

    void aShortJobIsNot()
    {
        QWidget window;
        RecordingNotifier notifier;
        CompletionNotices notices(window, notifier, 10'000);
        QVERIFY(!notices.finished(9'999, u"Upload finished"_qs, u"v5 of Shop is live."_qs, false));
        QVERIFY(notifier.shown.isEmpty());
    }

    void notWhileTheUserWatchesTheWindow()
    {
        QWidget window;
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        RecordingNotifier notifier;
        CompletionNotices notices(window, notifier, 0);
        QVERIFY(!notices.finished(60'000, u"Upload finished"_qs, u"v6 of Shop is live."_qs, false));
        QVERIFY(notifier.shown.isEmpty());
    }
};

QTEST_MAIN(TestCompletionNotices)
#include "tst_completionnotices.moc"

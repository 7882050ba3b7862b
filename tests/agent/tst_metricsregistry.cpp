// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/metrics/metricsregistry.h"

#include <QtTest>

#include <thread>
#include <vector>

using ddd::agent::metrics::MetricsRegistry;

// What /metrics renders from recorded requests (the agent-level test in
// tst_deploysapi checks that the site listener feeds it).
class TestMetricsRegistry final : public QObject
{
    Q_OBJECT

private slots:
    void countsSiteRequestsPerHost()
    {
        MetricsRegistry registry;
        registry.recordSiteRequest(u"alpha.localhost"_qs, 200, 1000, 0.0004);
        registry.recordSiteRequest(u"alpha.localhost"_qs, 206, 24, 0.002);
        registry.recordSiteRequest(u"alpha.localhost"_qs, 404, 100, 0.02);
        registry.recordSiteRequest(u"beta.test"_qs, 503, 0, 3);
        const QByteArray text = registry.render(7);
        QVERIFY2(text.contains("ddd_site_requests_total{host=\"alpha.localhost\",class=\"2xx\"} 2\n"), text.constData());
        QVERIFY(text.contains("ddd_site_requests_total{host=\"alpha.localhost\",class=\"4xx\"} 1\n"));
        QVERIFY(!text.contains("host=\"alpha.localhost\",class=\"5xx\""));
        QVERIFY(text.contains("ddd_site_requests_total{host=\"beta.test\",class=\"5xx\"} 1\n"));
        QVERIFY(text.contains("ddd_site_sent_bytes_total{host=\"alpha.localhost\"} 1124\n"));
        QVERIFY(text.contains("ddd_site_request_duration_seconds_bucket{host=\"alpha.localhost\",le=\"0.0005\"} 1\n"));
        QVERIFY(text.contains("ddd_site_request_duration_seconds_bucket{host=\"alpha.localhost\",le=\"0.0025\"} 2\n"));
        QVERIFY(text.contains("ddd_site_request_duration_seconds_bucket{host=\"alpha.localhost\",le=\"+Inf\"} 3\n"));
        QVERIFY(text.contains("ddd_site_request_duration_seconds_count{host=\"beta.test\"} 1\n"));
        QVERIFY(text.contains("ddd_site_request_duration_seconds_sum{host=\"beta.test\"} 3.000000\n"));
        QVERIFY(text.contains("ddd_uptime_seconds 7\n"));
    }

    // Hosts that serve no site share one label, whatever the client sent.
    void unknownHostsShareOneBucket()
    {
        MetricsRegistry registry;
        registry.recordSiteRequest(QString(), 404, 50, 0.001);
        registry.recordSiteRequest(QString(), 400, 60, 0.001);
        const QByteArray text = registry.render(0);
        QVERIFY(text.contains("ddd_site_requests_total{host=\"unknown\",class=\"4xx\"} 2\n"));
        QVERIFY(text.contains("ddd_site_sent_bytes_total{host=\"unknown\"} 110\n"));
        QCOMPARE(text.count("ddd_site_sent_bytes_total{"), 1);
    }

    // Labels are escaped and never interpreted as format placeholders.
    void escapesClientChosenLabels()
    {
        MetricsRegistry registry;
        registry.recordRequest(u"site"_qs, u"site"_qs, "X%1\"\\", 405, 0.001);
        const QByteArray text = registry.render(0);
        QVERIFY2(text.contains("ddd_http_requests_total{listener=\"site\",route=\"site\",method=\"X%1\\\"\\\\\",status=\"405\"} 1\n"),
                 text.constData());
        QVERIFY(text.contains("ddd_http_request_duration_seconds_count{listener=\"site\",route=\"site\",status=\"405\"} 1\n"));
    }

    // Each thread counts into its own shard; /metrics shows the sum.
    void mergesTheCountsOfEveryThread()
    {
        MetricsRegistry registry;
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&registry] {
                for (int i = 0; i < 1000; ++i) {
                    registry.recordRequest(u"site"_qs, u"site"_qs, "GET", 200, 0.001);
                    registry.recordSiteRequest(u"alpha.localhost"_qs, 200, 10, 0.0004);
                }
            });
        for (std::thread &thread : threads)
            thread.join();
        registry.recordSiteRequest(u"alpha.localhost"_qs, 404, 1, 0.0004); // and the main thread's
        const QByteArray text = registry.render(0);
        QVERIFY2(text.contains("ddd_http_requests_total{listener=\"site\",route=\"site\",method=\"GET\",status=\"200\"} 4000\n"),
                 text.constData());
        QVERIFY(text.contains("ddd_http_request_duration_seconds_count{listener=\"site\",route=\"site\",status=\"200\"} 4000\n"));
        QVERIFY(text.contains("ddd_http_request_duration_seconds_sum{listener=\"site\",route=\"site\",status=\"200\"} 4.000000\n"));
        QVERIFY(text.contains("ddd_site_requests_total{host=\"alpha.localhost\",class=\"2xx\"} 4000\n"));
        QVERIFY(text.contains("ddd_site_requests_total{host=\"alpha.localhost\",class=\"4xx\"} 1\n"));
        QVERIFY(text.contains("ddd_site_sent_bytes_total{host=\"alpha.localhost\"} 40001\n"));
        QVERIFY(text.contains("ddd_site_request_duration_seconds_bucket{host=\"alpha.localhost\",le=\"0.0005\"} 4001\n"));
    }

    // A thread that records for two registries, and a registry made after
    // another was destroyed, never count into each other's shards.
    void registriesKeepTheirOwnCounts()
    {
        {
            MetricsRegistry gone;
            gone.recordSiteRequest(u"gone.test"_qs, 200, 1, 0.001);
        }
        MetricsRegistry first;
        MetricsRegistry second;
        first.recordSiteRequest(u"first.test"_qs, 200, 1, 0.001);
        second.recordSiteRequest(u"second.test"_qs, 200, 1, 0.001);
        first.recordSiteRequest(u"first.test"_qs, 200, 1, 0.001);
        const QByteArray firstText = first.render(0);
        const QByteArray secondText = second.render(0);
        QVERIFY(firstText.contains("ddd_site_requests_total{host=\"first.test\",class=\"2xx\"} 2\n"));
        QVERIFY(!firstText.contains("second.test"));
        QVERIFY(!firstText.contains("gone.test"));
        QVERIFY(secondText.contains("ddd_site_requests_total{host=\"second.test\",class=\"2xx\"} 1\n"));
        QVERIFY(!secondText.contains("first.test"));
    }
};

QTEST_GUILESS_MAIN(TestMetricsRegistry)
#include "tst_metricsregistry.moc"

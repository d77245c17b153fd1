#include "core/geometry/AspectRatio.h"
#include "core/geometry/AspectPresets.h"

#include "GeometryTestSupport.h"

#include <QTest>

using namespace cropwise;

class AspectRatioTest : public QObject
{
    Q_OBJECT

private slots:
    void approximate_givesSmallTerms_data()
    {
        QTest::addColumn<Size>("size");
        QTest::addColumn<AspectRatio>("expected");
        QTest::newRow("camera 4000x2667 is 3:2, not 4000:2667")
            << Size { 4000, 2667 } << AspectRatio { 3, 2 };
        QTest::newRow("exact 6000x4000") << Size { 6000, 4000 } << AspectRatio { 3, 2 };
        QTest::newRow("full hd") << Size { 1920, 1080 } << AspectRatio { 16, 9 };
        QTest::newRow("square") << Size { 512, 512 } << AspectRatio { 1, 1 };
        QTest::newRow("phone 4032x3024") << Size { 4032, 3024 } << AspectRatio { 4, 3 };
        QTest::newRow("451x300 within 0.5% of 3:2") << Size { 451, 300 } << AspectRatio { 3, 2 };
        QTest::newRow("portrait 2667x4000") << Size { 2667, 4000 } << AspectRatio { 2, 3 };
        QTest::newRow("portrait 3000x4000") << Size { 3000, 4000 } << AspectRatio { 3, 4 };
        QTest::newRow("almost square 1000x999") << Size { 1000, 999 } << AspectRatio { 1, 1 };
        QTest::newRow("exact small terms kept 21:9") << Size { 2520, 1080 } << AspectRatio { 7, 3 };
        QTest::newRow("exact terms up to 32 kept") << Size { 3200, 3100 } << AspectRatio { 32, 31 };
        QTest::newRow("panorama beyond 32:1 -> closest") << Size { 40000, 1000 } << AspectRatio { 32, 1 };
        QTest::newRow("tall strip beyond 1:32 -> closest") << Size { 1, 1000 } << AspectRatio { 1, 32 };
        QTest::newRow("empty size") << Size { 0, 0 } << AspectRatio { 1, 1 };
        // 1.35 % off 4:3 is outside the tolerance; the first term bound with a ratio inside it is 19
        // (19:14, 0.43 % off; 15:11 is 0.9 % off)
        QTest::newRow("outside tolerance of 4:3") << Size { 4000, 2960 } << AspectRatio { 19, 14 };
    }
    void approximate_givesSmallTerms()
    {
        QFETCH(Size, size);
        QFETCH(AspectRatio, expected);
        QCOMPARE(AspectRatio::approximate(size), expected);
    }

    void approximate_isSymmetric_forPortraitAndLandscape()
    {
        for (int w = 1; w < 3000; w += 37) {
            for (int h = 1; h < 3000; h += 53) {
                const AspectRatio landscape = AspectRatio::approximate({ w, h });
                QCOMPARE(AspectRatio::approximate({ h, w }), landscape.swapped());
                QVERIFY(landscape.num <= AspectRatio::maxApproximationTerm);
                QVERIFY(landscape.den <= AspectRatio::maxApproximationTerm);
            }
        }
    }

    // The documented rule checked by brute force over every p:q with terms <= 32, for 4000 x h.
    void approximate_followsDocumentedRule_forManyHeights()
    {
        const auto deviation = [](double p, double q, Size s) {
            return std::max(p * s.height / (q * s.width), q * s.width / (p * s.height)) - 1.0;
        };
        for (int h = 100; h <= 8000; h += 7) {
            const Size s { 4000, h };
            const AspectRatio a = AspectRatio::approximate(s);
            const AspectRatio exact = *AspectRatio::make(s.width, s.height);
            if (exact.num <= 32 && exact.den <= 32) {
                QCOMPARE(a, exact);
                continue;
            }
            int smallestTermWithin = 0; // the smallest max(p, q) of a ratio within the tolerance
            double closest = 1e9;
            for (int p = 1; p <= 32; ++p) {
                for (int q = 1; q <= 32; ++q) {
                    const double d = deviation(p, q, s);
                    closest = std::min(closest, d);
                    if (d <= AspectRatio::approximationTolerance
                        && (smallestTermWithin == 0 || std::max(p, q) < smallestTermWithin))
                        smallestTermWithin = std::max(p, q);
                }
            }
            const QByteArray context = QByteArray::number(h) + " -> " + a.toString().toUtf8();
            if (smallestTermWithin > 0) {
                QVERIFY2(deviation(a.num, a.den, s) <= AspectRatio::approximationTolerance, context);
                QVERIFY2(std::max(a.num, a.den) == smallestTermWithin, context);
            } else {
                QVERIFY2(deviation(a.num, a.den, s) <= closest, context);
            }
        }
    }

    void make_reducesAndRejects_data()
    {
        QTest::addColumn<int>("num");
        QTest::addColumn<int>("den");
        QTest::addColumn<std::optional<AspectRatio>>("expected");
        QTest::newRow("reduced") << 1920 << 1080 << std::optional(AspectRatio { 16, 9 });
        QTest::newRow("zero") << 0 << 5 << std::optional<AspectRatio>();
        QTest::newRow("negative") << 4 << -3 << std::optional<AspectRatio>();
    }
    void make_reducesAndRejects()
    {
        QFETCH(int, num);
        QFETCH(int, den);
        QFETCH(std::optional<AspectRatio>, expected);
        QCOMPARE(AspectRatio::make(num, den), expected);
    }

    void parse_acceptsSeparators_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<std::optional<AspectRatio>>("expected");
        QTest::newRow("colon") << "4:5" << std::optional(AspectRatio { 4, 5 });
        QTest::newRow("slash reduced") << " 6/4 " << std::optional(AspectRatio { 3, 2 });
        QTest::newRow("x") << "16x9" << std::optional(AspectRatio { 16, 9 });
        QTest::newRow("garbage") << "4:" << std::optional<AspectRatio>();
        QTest::newRow("zero") << "0:1" << std::optional<AspectRatio>();
    }
    void parse_acceptsSeparators()
    {
        QFETCH(QString, text);
        QFETCH(std::optional<AspectRatio>, expected);
        QCOMPARE(AspectRatio::parse(text), expected);
    }

    void matches_isExactIntegerTest()
    {
        const AspectRatio r { 16, 9 };
        QVERIFY(r.matches({ 1920, 1080 }));
        QVERIFY(!r.matches({ 1920, 1081 }));
        const AspectRatio threeTwo { 3, 2 };
        QVERIFY(threeTwo.matches({ 3999, 2666 }));
        QVERIFY(!threeTwo.matches({ 4000, 2667 }));
    }

    void presets_listUiChoicesInOrder()
    {
        const QList<AspectPreset> presets = aspectPresets();
        QStringList names;
        for (const AspectPreset &p : presets)
            names << p.name;
        QCOMPARE(names,
            QStringList(
                { "Free", "Original", "1:1", "4:5", "5:4", "3:2", "2:3", "4:3", "3:4", "16:9", "9:16" }));
        QCOMPARE(presets.at(0).kind, AspectPreset::Kind::Free);
        QCOMPARE(presets.at(1).kind, AspectPreset::Kind::Original);
        for (const AspectPreset &p : presets.mid(2)) {
            QCOMPARE(p.kind, AspectPreset::Kind::Fixed);
            QCOMPARE(p.ratio.toString(), p.name);
            QCOMPARE(AspectRatio::make(p.ratio.num, p.ratio.den), std::optional(p.ratio));
        }
    }

    void resolvedRatio_followsKind()
    {
        const QList<AspectPreset> presets = aspectPresets();
        const Size camera { 4000, 2667 };
        QCOMPARE(resolvedRatio(presets.at(0), camera), std::optional<AspectRatio>());
        QCOMPARE(resolvedRatio(presets.at(1), camera), std::optional(AspectRatio { 3, 2 }));
        QCOMPARE(resolvedRatio(presets.at(3), camera), std::optional(AspectRatio { 4, 5 }));
    }
};

QTEST_APPLESS_MAIN(AspectRatioTest)
#include "AspectRatioTest.moc"

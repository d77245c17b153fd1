// The optimiser on synthetic importance maps: exact aspect, inside the image, faces never cut,
// must-include regions, alternatives, determinism, score range, free crops.

#include "core/suggest/CropOptimizer.h"
#include "core/suggest/ImportanceMap.h"

#include <QTest>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

using namespace cropwise;

Q_DECLARE_METATYPE(std::optional<cropwise::AspectRatio>)

namespace {

// A smooth map with a bright blob at (bx, by) (shares of the width/height) on a faint floor.
cv::Mat blobMap(int w, int h, double bx, double by, double radius = 0.12)
{
    cv::Mat m(h, w, CV_32F);
    const double r = radius * std::max(w, h);
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const double dx = x - bx * w, dy = y - by * h;
            m.at<float>(y, x) = float(0.05 + std::exp(-(dx * dx + dy * dy) / (2 * r * r)));
        }
    }
    return m / cv::sum(m)[0];
}

CropProblem problem(Size full, double bx = 0.5, double by = 0.5, double radius = 0.12)
{
    CropProblem p;
    p.fullSize = full;
    const double f = 160.0 / std::max(full.width, full.height);
    p.importance
        = blobMap(std::max(1, int(full.width * f)), std::max(1, int(full.height * f)), bx, by, radius);
    return p;
}

bool cuts(const Rect &crop, const Face &face, const SuggestParams &params, Size full)
{
    const Rect head = headBox(face.rect, params.faceMargin).intersected(Rect::fromSize(full));
    const Rect inter = crop.intersected(head);
    return !inter.isEmpty() && inter != head;
}

bool sameAspect(const Rect &r, AspectRatio a)
{
    return qint64(r.width) * a.den == qint64(r.height) * a.num;
}

} // namespace

class CropOptimizerTest : public QObject
{
    Q_OBJECT

private slots:
    void optimiseCrops_isExactAndInside_forEveryAspect_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<std::optional<AspectRatio>>("aspect");
        const QList<QSize> sizes
            = { { 640, 480 }, { 480, 640 }, { 333, 777 }, { 1001, 999 }, { 6000, 4000 } };
        const std::optional<AspectRatio> aspects[]
            = { AspectRatio { 1, 1 }, AspectRatio { 4, 5 }, AspectRatio { 16, 9 }, AspectRatio { 9, 16 },
                  AspectRatio { 3, 2 }, AspectRatio { 7, 5 }, AspectRatio { 1, 3 }, std::nullopt };
        for (const QSize &s : sizes) {
            for (const auto &a : aspects) {
                const QString name = QStringLiteral("%1x%2 %3")
                                         .arg(s.width())
                                         .arg(s.height())
                                         .arg(a ? a->toString() : "free");
                QTest::newRow(qPrintable(name)) << s.width() << s.height() << a;
            }
        }
    }
    void optimiseCrops_isExactAndInside_forEveryAspect()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(std::optional<AspectRatio>, aspect);
        const CropProblem p = problem({ width, height }, 0.7, 0.3);
        const AspectSuggestions result = optimiseCrops(p, aspect, 3, SuggestParams {});
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(!result.suggestions.empty());
        for (const CropSuggestion &s : result.suggestions) {
            QVERIFY(!s.rect.isEmpty());
            QVERIFY(Rect::fromSize(p.fullSize).contains(s.rect));
            if (aspect)
                QVERIFY2(sameAspect(s.rect, *aspect),
                    qPrintable(QStringLiteral("%1x%2").arg(s.rect.width).arg(s.rect.height)));
            QVERIFY(s.score >= 0.0 && s.score <= 1.0);
            QCOMPARE(s.aspect, aspect);
            QVERIFY(!s.reasons.isEmpty());
        }
    }

    void optimiseCrops_movesTowardsImportantContent()
    {
        // A blob in the right part of a wide image: a square crop must sit right of centre.
        const CropProblem p = problem({ 900, 400 }, 0.8, 0.5);
        const AspectSuggestions result = optimiseCrops(p, AspectRatio { 1, 1 }, 1, SuggestParams {});
        QVERIFY(result.ok());
        const Rect r = result.suggestions.front().rect;
        QVERIFY2(r.x + r.width / 2 > 550, qPrintable(QString::number(r.x)));
    }

    void optimiseCrops_neverCutsFaces_data()
    {
        QTest::addColumn<std::optional<AspectRatio>>("aspect");
        QTest::newRow("1:1") << std::optional<AspectRatio>(AspectRatio { 1, 1 });
        QTest::newRow("4:5") << std::optional<AspectRatio>(AspectRatio { 4, 5 });
        QTest::newRow("16:9") << std::optional<AspectRatio>(AspectRatio { 16, 9 });
        QTest::newRow("9:16") << std::optional<AspectRatio>(AspectRatio { 9, 16 });
        QTest::newRow("free") << std::optional<AspectRatio>();
    }
    void optimiseCrops_neverCutsFaces()
    {
        QFETCH(std::optional<AspectRatio>, aspect);
        SuggestParams params;
        // A group across a wide image: 16:9 fits all, 9:16 cannot, so it must leave some out whole.
        CropProblem p = problem({ 1200, 700 }, 0.5, 0.5);
        p.faces = { { { 100, 200, 80, 80 }, 0.9 }, { { 400, 180, 90, 90 }, 0.95 },
            { { 700, 220, 70, 70 }, 0.8 }, { { 1000, 210, 80, 80 }, 0.9 } };
        const AspectSuggestions result = optimiseCrops(p, aspect, 4, params);
        QVERIFY2(result.ok(), qPrintable(result.error));
        for (const CropSuggestion &s : result.suggestions) {
            int kept = 0;
            for (const Face &f : p.faces) {
                QVERIFY2(!cuts(s.rect, f, params, p.fullSize),
                    qPrintable(QStringLiteral("crop %1,%2 %3x%4 cuts face at %5")
                                   .arg(s.rect.x)
                                   .arg(s.rect.y)
                                   .arg(s.rect.width)
                                   .arg(s.rect.height)
                                   .arg(f.rect.x)));
                kept += s.rect.contains(f.rect) ? 1 : 0;
            }
            QVERIFY(kept >= 1);
            QVERIFY(s.reasons.front().startsWith(QStringLiteral("keeps %1 of 4 faces").arg(kept)));
        }
    }

    void optimiseCrops_keepsAllFaces_whenTheyFit()
    {
        SuggestParams params;
        CropProblem p = problem({ 1000, 800 }, 0.9, 0.9); // the importance pulls away from the faces
        p.faces = { { { 200, 200, 60, 60 }, 0.9 }, { { 420, 260, 60, 60 }, 0.9 } };
        for (const auto &aspect : { std::optional<AspectRatio>(AspectRatio { 1, 1 }),
                 std::optional<AspectRatio>(AspectRatio { 16, 9 }), std::optional<AspectRatio>() }) {
            const AspectSuggestions result = optimiseCrops(p, aspect, 3, params);
            QVERIFY(result.ok());
            for (const CropSuggestion &s : result.suggestions) {
                for (const Face &f : p.faces)
                    QVERIFY(s.rect.contains(headBox(f.rect, params.faceMargin)));
            }
        }
    }

    void faceKeepBox_shrinksTheMargin_onlyWhenTheHeadCannotFit()
    {
        const Rect face { 100, 100, 200, 200 };
        const Size image { 600, 400 };
        // Room enough: the full head box.
        QCOMPARE(faceKeepBox(face, image, { 600, 400 }, 0.25),
            headBox(face, 0.25).intersected(Rect::fromSize(image)));
        // 333 px high: the full head (360 px) does not fit, half the margin (310 px) does.
        const Rect shrunk = faceKeepBox(face, image, { 592, 333 }, 0.25);
        QCOMPARE(shrunk, headBox(face, 0.125).intersected(Rect::fromSize(image)));
        QVERIFY(shrunk.contains(face));
        // 220 px: only the face box itself.
        QCOMPARE(faceKeepBox(face, image, { 390, 220 }, 0.25), face);
        // Not even the face fits: the full head box, so the face is left out whole.
        QCOMPARE(faceKeepBox(face, image, { 150, 150 }, 0.25),
            headBox(face, 0.25).intersected(Rect::fromSize(image)));
    }

    void optimiseCrops_holdsMustInclude()
    {
        CropProblem p = problem({ 800, 600 }, 0.2, 0.2);
        p.mustInclude = { { 600, 400, 150, 150 } };
        for (const auto &aspect : { std::optional<AspectRatio>(AspectRatio { 1, 1 }),
                 std::optional<AspectRatio>(AspectRatio { 9, 16 }), std::optional<AspectRatio>() }) {
            const AspectSuggestions result = optimiseCrops(p, aspect, 3, SuggestParams {});
            QVERIFY2(result.ok(), qPrintable(result.error));
            for (const CropSuggestion &s : result.suggestions) {
                QVERIFY(s.rect.contains(p.mustInclude.front()));
                QVERIFY(s.reasons.contains(QStringLiteral("includes the 1 required region")));
            }
        }
    }

    void optimiseCrops_saysWhy_whenMustIncludeCannotFit()
    {
        CropProblem p = problem({ 800, 600 });
        p.mustInclude
            = { { 10, 100, 780, 100 } }; // 780 px wide: no 9:16 crop of a 600 px high image holds it
        const AspectSuggestions result = optimiseCrops(p, AspectRatio { 9, 16 }, 2, SuggestParams {});
        QVERIFY(!result.ok());
        QVERIFY(result.suggestions.empty());
        QVERIFY2(result.error.contains(QStringLiteral("do not fit")), qPrintable(result.error));
        QVERIFY(optimiseCrops(p, AspectRatio { 16, 9 }, 1, SuggestParams {}).ok());
    }

    void optimiseCrops_includesAFaceTheRegionTouches()
    {
        // A required region overlapping a face drags the whole face in (never cut).
        SuggestParams params;
        CropProblem p = problem({ 1200, 800 }, 0.1, 0.1);
        p.faces = { { { 900, 300, 100, 100 }, 0.9 }, { { 100, 300, 100, 100 }, 0.9 } };
        p.mustInclude = { { 880, 350, 60, 60 } };
        const AspectSuggestions result = optimiseCrops(p, AspectRatio { 9, 16 }, 3, params);
        QVERIFY(result.ok());
        for (const CropSuggestion &s : result.suggestions) {
            QVERIFY(s.rect.contains(headBox(p.faces[0].rect, params.faceMargin)));
            QVERIFY(!cuts(s.rect, p.faces[1], params, p.fullSize));
        }
    }

    void optimiseCrops_alternativesAreDistinct()
    {
        const CropProblem p = problem({ 1200, 800 }, 0.3, 0.6);
        SuggestParams params;
        const AspectSuggestions result = optimiseCrops(p, AspectRatio { 1, 1 }, 4, params);
        QVERIFY(result.ok());
        QVERIFY(result.suggestions.size() >= 2);
        for (size_t i = 0; i < result.suggestions.size(); ++i) {
            if (i > 0)
                QVERIFY(result.suggestions[i].score <= result.suggestions[i - 1].score);
            for (size_t j = 0; j < i; ++j)
                QVERIFY(
                    iou(result.suggestions[i].rect, result.suggestions[j].rect) < params.alternativeMaxIou);
        }
    }

    void optimiseCrops_isDeterministic()
    {
        CropProblem p = problem({ 1024, 683 }, 0.6, 0.4);
        p.faces = { { { 500, 200, 60, 60 }, 0.8 } };
        const AspectSuggestions a = optimiseCrops(p, AspectRatio { 4, 5 }, 3, SuggestParams {});
        const AspectSuggestions b = optimiseCrops(p, AspectRatio { 4, 5 }, 3, SuggestParams {});
        QCOMPARE(a.suggestions.size(), b.suggestions.size());
        for (size_t i = 0; i < a.suggestions.size(); ++i) {
            QCOMPARE(a.suggestions[i].rect, b.suggestions[i].rect);
            QCOMPARE(a.suggestions[i].score, b.suggestions[i].score);
            QCOMPARE(a.suggestions[i].reasons, b.suggestions[i].reasons);
        }
    }

    void optimiseCrops_reportsTooSmallImage()
    {
        const CropProblem p = problem({ 10, 5 });
        const AspectSuggestions result = optimiseCrops(p, AspectRatio { 16, 9 }, 1, SuggestParams {});
        QVERIFY(!result.ok());
        QVERIFY(result.suggestions.empty());
    }

    void evaluateCrop_scoresInUnitRange_andPrefersTheSubject()
    {
        const CropProblem p = problem({ 800, 800 }, 0.25, 0.25, /*radius*/ 0.12);
        const SuggestParams params;
        const CropCriteria onSubject = evaluateCrop(p, AspectRatio { 1, 1 }, { 0, 0, 500, 500 }, params);
        const CropCriteria offSubject = evaluateCrop(p, AspectRatio { 1, 1 }, { 300, 300, 500, 500 }, params);
        for (const CropCriteria &c : { onSubject, offSubject }) {
            for (double v : { c.keep, c.tight, c.clean, c.composition, c.faces, c.size, c.score })
                QVERIFY(v >= 0.0 && v <= 1.0);
        }
        QVERIFY(onSubject.keep > offSubject.keep);
        QVERIFY(onSubject.score > offSubject.score);
        const CropCriteria whole = evaluateCrop(p, std::nullopt, { 0, 0, 800, 800 }, params);
        QCOMPARE(whole.keep, 1.0);
        QCOMPARE(whole.tight, 0.0);
        // Edges through the empty floor are cleaner than edges through the subject.
        const CropCriteria throughSubject
            = evaluateCrop(p, AspectRatio { 1, 1 }, { 200, 0, 600, 600 }, params);
        QVERIFY(onSubject.clean > throughSubject.clean);
    }
};

QTEST_GUILESS_MAIN(CropOptimizerTest)
#include "CropOptimizerTest.moc"

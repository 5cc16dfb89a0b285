#include "fuzz/fuzz_content.h"

#include "app/reader/chapter_html.h"
#include "app/reader/search_index.h"
#include "models/course/content_loader.h"
#include "models/course/content_validator.h"
#include "models/theme/theme.h"
#include "widgets/figure/figure_renderer.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QTextDocument>
#include <nlohmann/json.hpp>

namespace fg::fuzz {

namespace {

// One QGuiApplication for the process (fonts, QTextDocument and QPainter need one), on the
// offscreen platform unless QT_QPA_PLATFORM says otherwise. Never deleted: it must outlive every
// call, and tearing Qt down inside libFuzzer's exit() would only add noise. A test that already
// made its application keeps it.
void ensureApplication() {
    static QCoreApplication* const app = []() -> QCoreApplication* {
        if (QCoreApplication::instance()) {
            return QCoreApplication::instance();
        }
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        }
        static int argc = 1;
        static char name[] = "fuzz_content";
        static char* argv[] = {name, nullptr};
        return new QGuiApplication(argc, argv);
    }();
    (void)app;
}

// The reader's sizes (app/reader/reader_view.cpp): body text at zoom 0, figures at 0.9 of it and
// at the narrowest width the reader lays them out at, a text column of a small window.
constexpr qreal kBodyPx = 19.0;
// The diagram registry's links are not known here (this target is built without the diagrams'
// views): the validator accepts any diagram id and the cards show ids.
const DiagramLinks kNoDiagramLinks;
constexpr qreal kFigureWidth = 320;
constexpr qreal kColumnWidth = 640;

// What the reader does with the HTML: QTextDocument parses and lays it out at the column width.
void layOutHtml(const QString& html) {
    QTextDocument doc;
    doc.setHtml(html);
    doc.setTextWidth(kColumnWidth);
    (void)doc.size();
}

void paintFigure(const nlohmann::json& block, const Theme& theme) {
    const FigureRenderer figure(block, theme, kFigureWidth, kBodyPx * 0.9);
    (void)figure.size();
    QImage image(320, 240, QImage::Format_ARGB32_Premultiplied);
    image.fill(theme.background);
    QPainter painter(&image);
    figure.paint(painter);
}

} // namespace

int content(const std::uint8_t* data, std::size_t size) {
    ensureApplication();
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const QString name = QStringLiteral("chapters/fuzz.json");
    nlohmann::json json;
    std::vector<ContentError> errors;
    if (!parseContentJson(bytes, name, json, errors)) {
        return 0;
    }
    {
        ContentValidator index(QStringLiteral("index.json"));
        QString title, subtitle;
        QStringList ids;
        index.index(json, title, subtitle, ids);
    }
    // The file is read as chapters/<its own id>.json, so a chapter whose id is right loads.
    const auto idField = json.is_object() ? json.find("id") : json.end();
    const QString id = idField != json.end() && idField->is_string()
                           ? QString::fromStdString(idField->get<std::string>())
                           : QStringLiteral("fuzz");
    Chapter chapter;
    chapter.id = id;
    ContentValidator validator(name);
    validator.chapter(json, id, chapter);
    chapter.errors = validator.errors();
    const Theme theme = Theme::light();
    if (!chapter.loaded()) {
        // As loadCourse keeps a broken chapter: its errors, no sections; the reader says why.
        chapter.sections.clear();
        if (chapter.title.isEmpty()) {
            chapter.title = id;
        }
        layOutHtml(chapterHtml(chapter, theme, kBodyPx, kNoDiagramLinks));
        return 0;
    }
    (void)chapter.diagramIds();
    layOutHtml(chapterHtml(chapter, theme, kBodyPx, kNoDiagramLinks));
    for (const Section& section : chapter.sections) {
        layOutHtml(sectionHtml(section, theme, kBodyPx, kNoDiagramLinks));
    }
    Course course;
    course.chapters.push_back(chapter);
    const SearchIndex search(course, kNoDiagramLinks);
    (void)search.search(QStringLiteral("the"));
    (void)search.search(chapter.title.left(8));
    for (const Section& section : chapter.sections) {
        for (const auto& block : section.blocks) {
            if (block.value("type", std::string()) == "figure") {
                paintFigure(block, theme);
            }
        }
    }
    return 0;
}

} // namespace fg::fuzz

#ifdef FIELDGUIDE_LIBFUZZER
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return fg::fuzz::content(data, size);
}
#endif

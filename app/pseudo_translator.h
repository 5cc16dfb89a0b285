// PseudoTranslator: a made-up language for finding what a translation would break before any
// translator has worked. Every string the UI passes through tr() comes back with its letters
// accented ("Prését" for "Preset": are the accents drawn, is the font's height enough?) and
// about 40% longer, as German or Finnish often run, between brackets ("[Prését ~~]": a cut end
// shows). Placeholders (%1, %n, %L1), mnemonics (&File), markup (<b>, &amp;) and line breaks
// are kept as they are, so that the strings still work. Installed by the tests of clipped text
// and, to look at the app with it, by FIELDGUIDE_PSEUDO_TRANSLATION=1.
#pragma once

#include <QTranslator>

namespace fg {

class PseudoTranslator : public QTranslator {
public:
    using QTranslator::QTranslator;
    QString translate(const char* context, const char* sourceText,
                      const char* disambiguation = nullptr, int n = -1) const override;
    bool isEmpty() const override { return false; }

    // `source` in the made-up language.
    static QString pseudo(const QString& source);
};

} // namespace fg

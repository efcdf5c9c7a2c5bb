#include "ingest/language.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/csv.h"
#include "core/shared_data.h"
#include "hearsay/ingest.h"
#include "ingest/test_util.h"

namespace hearsay::ingest {
namespace {

// CLD2 reads only a prefix of the text: for every sample article it must
// name the language that the first 64 KiB name, and so must the shortcut.
TEST(DetectLanguageTest, PrefixNamesTheLanguageOfTheSampleArticles) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(HEARSAY_SOURCE_DIR) / "samples" / "news";
  ASSERT_TRUE(fs::is_directory(dir)) << dir;
  int documents = 0;
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    testing::ReadResult r = testing::ReadFromPath(e.path().string());
    for (const Document& d : r.docs) {
      ++documents;
      const std::string whole = Cld2Language(d.text, 64 << 10);
      EXPECT_EQ(Cld2Language(d.text), whole) << d.origin;
      EXPECT_EQ(whole, "en") << d.origin;
      EXPECT_EQ(DetectLanguage(d.text), whole) << d.origin;
      if (d.language_detected) {
        EXPECT_EQ(d.language, whole) << d.origin;
      }
    }
  }
  EXPECT_GE(documents, 10);
}

TEST(DetectLanguageTest, LongTextAndCutInsideACharacter) {
  std::string text;
  while (text.size() < (100 << 10)) {
    text +=
        "Die Regierung hat am Montag neue Zölle auf Stahl angekündigt, "
        "nachdem die Gespräche mit den Handelspartnern gescheitert waren. ";
  }
  EXPECT_EQ(DetectLanguage(text), "de");
  // A limit that falls inside "ö" (two bytes) is cut back to its start.
  const size_t o = text.find("\xC3\xB6");
  ASSERT_NE(o, std::string::npos);
  EXPECT_EQ(DetectLanguage(text, o + 1), DetectLanguage(text.substr(0, o)));
  EXPECT_EQ(DetectLanguage(""), "");
}

// News in other languages, written for this test, some with English names
// and an English quote in them: none may take the English shortcut, and
// each must come out as its own language.
TEST(DetectLanguageTest, OtherLanguagesDoNotLookEnglish) {
  struct Case {
    const char* code;
    const char* text;
  };
  const Case cases[] = {
      {"de",
       "Der Autobauer Harlow Motors hat am Dienstag bestätigt, dass er mit "
       "dem Technologiekonzern Quillon über ein gemeinsames Werk in Ohio "
       "verhandelt. Ein Sprecher sagte, man werde \"keine weiteren Details\" "
       "nennen. Die Aktie stieg um drei Prozent, nachdem die Zeitung über die "
       "Gespräche berichtet hatte. Analysten halten den Plan für riskant, "
       "weil die Regierung in Washington neue Zölle prüft."},
      {"fr",
       "Le constructeur Harlow Motors a confirmé mardi qu'il discutait avec "
       "le groupe Quillon d'une usine commune dans l'Ohio. Un porte-parole a "
       "déclaré que l'entreprise ne ferait \"aucun autre commentaire\". "
       "L'action a gagné trois pour cent après la publication de l'article. "
       "Selon des analystes, le projet reste fragile, car le gouvernement "
       "américain envisage de nouveaux droits de douane."},
      {"es",
       "El fabricante Harlow Motors confirmó el martes que negocia con el "
       "grupo Quillon una fábrica conjunta en Ohio. Un portavoz dijo que la "
       "empresa no hará \"más comentarios\" por ahora. Las acciones subieron "
       "un tres por ciento después de la noticia. Los analistas creen que el "
       "plan es arriesgado, porque el gobierno estudia nuevos aranceles "
       "sobre los coches importados."},
      {"it",
       "La casa automobilistica Harlow Motors ha confermato martedì di essere "
       "in trattative con il gruppo Quillon per una fabbrica comune in Ohio. "
       "Un portavoce ha detto che l'azienda non farà \"altri commenti\". Il "
       "titolo è salito del tre per cento dopo la notizia. Secondo gli "
       "analisti il piano resta rischioso, perché il governo valuta nuovi "
       "dazi sulle auto importate."},
      {"pt",
       "A montadora Harlow Motors confirmou na terça-feira que negocia com o "
       "grupo Quillon uma fábrica conjunta em Ohio. Um porta-voz disse que a "
       "empresa não fará \"mais comentários\" por enquanto. As ações subiram "
       "três por cento depois da notícia. Os analistas acham o plano "
       "arriscado, porque o governo estuda novas tarifas sobre os carros "
       "importados."},
      {"nl",
       "De autofabrikant Harlow Motors heeft dinsdag bevestigd dat het met "
       "het technologiebedrijf Quillon praat over een gezamenlijke fabriek "
       "in Ohio. Een woordvoerder zei dat het bedrijf \"geen verdere details\" "
       "geeft. Het aandeel steeg drie procent nadat de krant over de "
       "gesprekken had bericht. Analisten vinden het plan riskant, omdat de "
       "regering nieuwe heffingen overweegt."},
      {"sv",
       "Biltillverkaren Harlow Motors bekräftade på tisdagen att företaget "
       "förhandlar med teknikkoncernen Quillon om en gemensam fabrik i Ohio. "
       "En talesperson sade att bolaget inte kommer att lämna \"några fler "
       "detaljer\". Aktien steg med tre procent efter att tidningen hade "
       "rapporterat om samtalen. Analytiker anser att planen är riskabel "
       "eftersom regeringen överväger nya tullar."},
      {"pl",
       "Producent samochodów Harlow Motors potwierdził we wtorek, że "
       "prowadzi rozmowy z koncernem Quillon o wspólnej fabryce w Ohio. "
       "Rzecznik powiedział, że firma nie poda \"żadnych dalszych "
       "szczegółów\". Akcje wzrosły o trzy procent po publikacji artykułu. "
       "Analitycy uważają, że to ryzykowny plan, ponieważ rząd rozważa nowe "
       "cła na importowane samochody."},
      {"de",
       "Harlow Motors erklärte in einer Mitteilung: \"We have no plans to "
       "build a plant in Ohio with Quillon, and the report is wrong.\" Der "
       "Konzern reagierte damit auf einen Bericht der Zeitung, wonach beide "
       "Unternehmen seit Monaten über ein Werk verhandeln. Die Aktie gab "
       "danach leicht nach, und Händler sprachen von einer Überreaktion des "
       "Marktes auf unbestätigte Gerüchte aus dem Umfeld der Firma."},
  };
  for (const Case& c : cases) {
    EXPECT_FALSE(LooksEnglish(c.text)) << c.code << ": " << c.text;
    EXPECT_EQ(DetectLanguage(c.text), c.code) << c.text;
  }
}

TEST(DetectLanguageTest, ShortOrWordlessTextIsLeftToCld2) {
  // Too few words to judge by their kind, however English they are.
  EXPECT_FALSE(LooksEnglish("The company said that it would not comment."));
  EXPECT_FALSE(LooksEnglish("1234 5678 9012 ... --- !!! ???"));
  EXPECT_FALSE(LooksEnglish(""));
}

TEST(DetectLanguageTest, WordsCountWhateverTheirCaseAndLength) {
  // Listed words count in capitals too, and a listed word inside a longer
  // one or with a letter of another alphabet in it does not: words are
  // read eight bytes at a time where the text allows, byte by byte near
  // its end and past eight letters.
  std::string caps, glued, accented;
  for (int i = 0; i < 12; ++i) {
    caps += "THE COMPANY SAID THAT IT WOULD ";
    glued += "thecompany saidthat itwould ";
    accented += "th\xC3\xA9 comp\xC3\xA0ny s\xC3\xA4id ";
  }
  EXPECT_TRUE(LooksEnglish(caps));
  EXPECT_FALSE(LooksEnglish(glued));
  EXPECT_FALSE(LooksEnglish(accented));
  // The same words, the last ones too close to the end for eight bytes.
  EXPECT_TRUE(LooksEnglish(caps.substr(0, caps.size() - 1)));
}

// Where the shortcut says English, CLD2 must not name another language (it
// may fail to tell, as it does for two FNC-1 bodies), unless what it reads
// holds that language's script: two English FNC-1 bodies quote an Arabic
// tweet, which CLD2 takes for their language. And the shortcut must
// take nearly all of the English news CLD2 would read, else it saves
// nothing. Checked on every FNC-1 body and every document of the UD English
// train and dev files.
TEST(DetectLanguageTest, EnglishShortcutAgreesWithCld2OnRealText) {
  const std::string shared = SharedDir();
  const std::string fnc = shared + "/data/fnc1/train_bodies.csv";
  if (!std::filesystem::exists(fnc)) {
    GTEST_SKIP() << "no FNC-1 bodies at " << fnc
                 << " (set HEARSAY_SHARED to the shared data folder)";
  }
  std::vector<std::string> texts;
  Result<CsvTable> table = CsvTable::ReadFile(fnc);
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  const int body = table->ColumnIndex("articleBody");
  ASSERT_GE(body, 0);
  for (size_t r = 0; r < table->rows(); ++r) {
    texts.emplace_back(table->Cell(r, body));
  }
  const size_t fnc_texts = texts.size();
  // UD documents: the "# text" lines of each "# newdoc", one per line.
  for (const char* name :
       {"en_ewt-ud-train.conllu", "en_ewt-ud-dev.conllu",
        "en_gum-ccby-ud-train.conllu", "en_gum-ccby-ud-dev.conllu"}) {
    std::ifstream in(shared + "/data/ud/" + name);
    ASSERT_TRUE(in) << name;
    std::string line, doc;
    while (std::getline(in, line)) {
      if (line.rfind("# newdoc", 0) == 0 && !doc.empty()) {
        texts.push_back(std::move(doc));
        doc.clear();
      } else if (line.rfind("# text = ", 0) == 0) {
        doc += line.substr(9);
        doc += '\n';
      }
    }
    if (!doc.empty()) texts.push_back(std::move(doc));
  }
  size_t fast = 0, fast_fnc = 0;
  // Bytes CLD2 would have read, and those the shortcut spared it.
  size_t cld2_bytes = 0, spared = 0;
  for (size_t i = 0; i < texts.size(); ++i) {
    const std::string& t = texts[i];
    const size_t read = std::min(t.size(), kLanguageSampleBytes);
    cld2_bytes += read;
    if (!LooksEnglish(t)) continue;
    ++fast;
    if (i < fnc_texts) ++fast_fnc;
    spared += read;
    const std::string cld2 = Cld2Language(t);
    if (cld2 == "en" || cld2.empty()) continue;
    // Letters of non-Latin scripts (Greek onwards: lead bytes 0xCE and up).
    size_t foreign = 0;
    for (size_t k = 0; k < read; ++k) {
      foreign += static_cast<unsigned char>(t[k]) >= 0xCE;
    }
    EXPECT_GE(foreign, 50u) << cld2 << ": " << t.substr(0, 300);
  }
  std::printf(
      "English shortcut: %zu of %zu FNC-1 bodies, %zu of %zu texts, "
      "%.1f%% of the bytes CLD2 would read\n",
      fast_fnc, fnc_texts, fast, texts.size(), 100.0 * spared / cld2_bytes);
  EXPECT_GE(fast_fnc * 100, fnc_texts * 90);
  EXPECT_GE(spared * 100, cld2_bytes * 95);
}

}  // namespace
}  // namespace hearsay::ingest

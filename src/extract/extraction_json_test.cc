#include "extract/extraction_json.h"

#include <gtest/gtest.h>

#include <string>

namespace hearsay {
namespace {

// The span of the first `what` in `text`.
Span SpanOf(std::string_view text, std::string_view what) {
  const size_t b = text.find(what);
  return Span{static_cast<uint32_t>(b), static_cast<uint32_t>(b + what.size())};
}

Extraction Sample() {
  Extraction x;
  x.models_version = "models-1";
  x.lexicons_version = "lex-1";
  Document& d = x.document;
  d.id = "doc-1";
  d.url = "https://example.com/a";
  d.outlet = "Example Times";
  d.published = "2026-03-02T10:00:00Z";
  d.published_from = PublishedFrom::kMeta;
  d.authors = {"A. Writer"};
  d.language = "en";
  SetTitleAndBody(d, "Harlow in talks",
                  "Harlow Motors is in talks with Quillon, according to two "
                  "people. \"That is false,\" Quillon said.");
  FinishDocument(d);
  auto at = [&](std::string_view what) { return SpanOf(d.text, what); };
  Entity harlow{
      "Harlow Motors", EntityType::kOrg, {"Harlow"}, {}, {at("Harlow Motors")}};
  Entity quillon{"Quillon", EntityType::kOrg, {}, {}, {at("Quillon,")}};
  x.entities = {harlow, quillon};
  Claim c;
  c.predicate = "negotiate";
  c.cameo = "031";
  c.plover = "COOPERATE";
  c.participants = {{"agent", 0, "Harlow Motors"}, {"partner", 1, "Quillon"}};
  c.location = "United States";
  c.positive = true;
  c.modality = Modality::kReported;
  c.text = "Harlow Motors is in talks with Quillon";
  c.key = "cooperate|harlow motors|quillon";
  c.confidence = 0.8;
  c.evidence = {at("Harlow Motors is in talks")};
  x.claims = {c};
  Statement anon;
  anon.speaker.anonymous = true;
  anon.speaker.count = 2;
  anon.speaker.name = "two people";
  anon.speaker.description = "people";
  anon.speaker.has_span = true;
  anon.speaker.span = at("two people");
  anon.cue_text = "according to";
  anon.cue = at("according to");
  anon.kind = StatementKind::kAccordingTo;
  anon.content = at("Harlow Motors is in talks with Quillon");
  anon.stances = {{0, StanceValue::kAssert, Strength::kNone, 0.7, false}};
  anon.confidence = 0.9;
  anon.evidence = {at("Harlow Motors is in talks")};
  anon.rule = "according_to";
  Statement deny;
  deny.speaker.entity = 1;
  deny.speaker.entities = {1};
  deny.speaker.name = "Quillon";
  deny.speaker.has_span = true;
  deny.speaker.span = at("Quillon said");
  deny.cue_text = "said";
  deny.cue = at("said");
  deny.kind = StatementKind::kDirect;
  deny.content = at("That is false");
  deny.via = 0;
  deny.stances = {{0, StanceValue::kDeny, Strength::kFlat, 0.95, true}};
  deny.confidence = 0.5;
  deny.rule = "quote-said";
  deny.said_on = "2026-03-01";
  deny.retold = true;
  x.statements = {anon, deny};
  return x;
}

TEST(ExtractionJson, RoundTrips) {
  Extraction x = Sample();
  std::string line;
  WriteExtractionJson(x, line);
  ASSERT_EQ(line.back(), '\n');
  Result<Extraction> back = ParseExtractionJson(line);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->document.id, "doc-1");
  EXPECT_EQ(back->document.text, x.document.text);
  EXPECT_EQ(back->document.content_hash, x.document.content_hash);
  EXPECT_EQ(back->document.published_from, PublishedFrom::kMeta);
  ASSERT_EQ(back->statements.size(), 2u);
  EXPECT_EQ(back->statements[1].via, 0);
  EXPECT_EQ(back->statements[1].speaker.entity, 1);
  EXPECT_EQ(back->statements[1].stances[0].strength, Strength::kFlat);
  EXPECT_TRUE(back->statements[1].stances[0].principal);
  EXPECT_EQ(back->statements[0].speaker.count, 2);
  EXPECT_EQ(back->statements[1].said_on, "2026-03-01");
  EXPECT_TRUE(back->statements[1].retold);
  EXPECT_EQ(back->statements[0].said_on, "");  // written as null
  EXPECT_FALSE(back->statements[0].retold);
  EXPECT_TRUE(back->statements[0].speaker.anonymous);
  EXPECT_EQ(back->claims[0].participants[1].entity, 1);
  EXPECT_EQ(back->claims[0].modality, Modality::kReported);
  EXPECT_EQ(back->models_version, "models-1");
  std::string again;
  WriteExtractionJson(*back, again);
  EXPECT_EQ(line, again);
}

TEST(ExtractionJson, WithoutTextKeepsQuotes) {
  Extraction x = Sample();
  std::string with_text;
  WriteExtractionJson(x, with_text);
  Result<Extraction> a = ParseExtractionJson(with_text);
  ASSERT_TRUE(a.ok());
  a->document.text.clear();
  std::string without;
  WriteExtractionJson(*a, without);
  EXPECT_EQ(without.find("\"text\":\"Harlow in talks"), std::string::npos);
  Result<Extraction> b = ParseExtractionJson(without);
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->statements[1].content_text, "That is false");
  EXPECT_EQ(b->document.content_hash, 0u);
}

// '"A," she said. "B."' is one statement whose content is A and B: the
// record keeps both pieces, and its text leaves out the attribution between
// them, with and without the document's text.
TEST(ExtractionJson, SplitQuoteKeepsItsParts) {
  Extraction x = Sample();
  Document& d = x.document;
  SetTitleAndBody(d, "Harlow in talks",
                  "\"That is false,\" Quillon said. \"We talk to everyone.\"");
  FinishDocument(d);
  auto at = [&](std::string_view what) { return SpanOf(d.text, what); };
  x.entities = {Entity{"Quillon", EntityType::kOrg, {}, {}, {at("Quillon")}}};
  x.claims.clear();
  Statement st;
  st.speaker.entity = 0;
  st.speaker.has_span = true;
  st.speaker.span = at("Quillon");
  st.cue_text = "said";
  st.cue = at("said");
  st.kind = StatementKind::kDirect;
  st.content = Span{at("That").begin, at("everyone").end};
  st.content_parts = {at("That is false"), at("We talk to everyone")};
  x.statements = {st};
  std::string line;
  WriteExtractionJson(x, line);
  EXPECT_NE(line.find("\"parts\":[["), std::string::npos) << line;
  Result<Extraction> back = ParseExtractionJson(line);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->statements[0].content_parts, st.content_parts);
  const std::string joined = "That is false \u2026 We talk to everyone";
  EXPECT_EQ(back->statements[0].content_text, joined);
  EXPECT_EQ(ContentText(back->document.text, back->statements[0]), joined);
  back->document.text.clear();
  std::string without;
  WriteExtractionJson(*back, without);
  Result<Extraction> again = ParseExtractionJson(without);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(ContentText("", again->statements[0]), joined);
  EXPECT_TRUE(InContent(st, at("false")));
  EXPECT_FALSE(InContent(st, at("said")));
  EXPECT_TRUE(st.content.Contains(at("said")));
}

TEST(ExtractionJson, NamesTheBadField) {
  struct Case {
    const char* json;
    const char* message;
  } cases[] = {
      {"{", "not JSON"},
      {"[]", "record: not an object"},
      {R"({"document":{"id":"a"}})", "schema: missing"},
      {R"({"schema":"hearsay.extract/2","document":{"id":"a"}})",
       "schema: is \"hearsay.extract/2\""},
      {R"({"schema":"hearsay.extract/1"})", "document: missing"},
      {R"({"schema":"hearsay.extract/1","document":{}})",
       "document.id: missing"},
      {R"({"schema":"hearsay.extract/1","document":{"id":"a"},
           "statements":[{"kind":"direct","stances":[{"claim":"C1","value":"deny"}]}]})",
       "statements[0].stances[0].claim: no C 1"},
      {R"({"schema":"hearsay.extract/1","document":{"id":"a"},
           "claims":[{"predicate":"x"}],
           "statements":[{"kind":"shouted"}]})",
       "statements[0].kind: unknown statement kind"},
      {R"({"schema":"hearsay.extract/1","document":{"id":"a"},
           "statements":[{"kind":"direct","via":"S1"}]})",
       "statements[0].via: refers to itself"},
      {R"({"schema":"hearsay.extract/1","document":{"id":"a"},
           "statements":[{"kind":"direct","via":"S2"},{"kind":"direct","via":"S1"}]})",
       "loops"},
      {R"({"schema":"hearsay.extract/1","document":{"id":"a","text":"abc"},
           "entities":[{"name":"x","mentions":[[1,9]]}]})",
       "entities[0].mentions[0]: span ends after"},
      {R"({"schema":"hearsay.extract/1","document":{"id":"a"},
           "statements":[{"kind":"direct","content":{"begin":9,"end":4}}]})",
       "statements[0].content: begin after end"},
      {R"({"schema":"hearsay.extract/1","document":{"id":"a"},
           "statements":[{"kind":"direct",
             "content":{"begin":4,"end":20,"parts":[[4,8],[12,24]]}}]})",
       "statements[0].content.parts[1]: outside the content's span"},
      {R"({"schema":"hearsay.extract/1","document":{"id":"a"},
           "statements":[{"kind":"direct",
             "content":{"begin":4,"end":20,"parts":[[10,14],[4,8]]}}]})",
       "statements[0].content.parts[1]: before the end of the part before"},
      {R"({"schema":"hearsay.extract/1","document":{"id":"a"},
           "statements":[{"kind":"direct","content":{"parts":[[4]]}}]})",
       "statements[0].content.parts[0]: not a span"},
      {R"({"schema":"hearsay.extract/1","document":{"id":"a","text":"abc"},
           "claims":[{"predicate":"x","evidence":[[0,2],[1,7]]}]})",
       "claims[0].evidence[1]: span ends after"},
      {R"({"schema":"hearsay.extract/1","document":{"id":"a"},
           "claims":[{"id":"C2","predicate":"x"}]})",
       "claims[0].id: is \"C2\", expected \"C1\""},
      {R"({"schema":"hearsay.extract/1","document":{"id":"a"},
           "claims":[{"predicate":"x","polarity":"maybe"}]})",
       "claims[0].polarity"},
      {R"({"schema":"hearsay.extract/1","document":{"id":"a"},
           "statements":[{"kind":"direct","said_on":"April 7"}]})",
       "statements[0].said_on: not a date"},
      {R"({"schema":"hearsay.extract/1","document":{"id":"a"},
           "statements":[{"kind":"direct","said_on":"2026-13-01"}]})",
       "statements[0].said_on: not a date"},
      {R"({"schema":"hearsay.extract/1","document":{"id":"a"},
           "statements":[{"kind":"direct","retold":"yes"}]})",
       "statements[0].retold: not true or false"},
  };
  for (const Case& c : cases) {
    Result<Extraction> r = ParseExtractionJson(c.json);
    ASSERT_FALSE(r.ok()) << c.json;
    EXPECT_NE(r.status().message().find(c.message), std::string::npos)
        << r.status().message() << " / wanted: " << c.message;
  }
}

TEST(ExtractionJson, EnumNamesRoundTrip) {
  for (int i = 0; i <= static_cast<int>(EntityType::kEvent); ++i) {
    auto t = static_cast<EntityType>(i);
    EXPECT_EQ(*ParseEntityType(EntityTypeName(t)), t);
  }
  EXPECT_EQ(CoarseType(EntityType::kOutlet), EntityType::kOrg);
  EXPECT_EQ(CoarseType(EntityType::kGpe), EntityType::kPlace);
  EXPECT_EQ(CoarseType(EntityType::kEvent), EntityType::kMisc);
  EXPECT_EQ(*ParseStatementKind("according_to"), StatementKind::kAccordingTo);
  EXPECT_EQ(*ParseStanceValue("no_comment"), StanceValue::kNoComment);
  EXPECT_EQ(*ParseStrength("qualified"), Strength::kQualified);
  EXPECT_EQ(*ParseModality("future"), Modality::kFuture);
  EXPECT_FALSE(ParseStanceValue("maybe").ok());
}

}  // namespace
}  // namespace hearsay

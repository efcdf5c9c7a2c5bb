#include <gtest/gtest.h>

#include <string>

#include "core/hash.h"
#include "core/json_writer.h"
#include "core/utf8.h"
#include "hearsay/document.h"
#include "hearsay/status.h"

namespace hearsay {
namespace {

Result<int> Half(int x) {
  if (x % 2) return InvalidArgumentError("odd: " + std::to_string(x));
  return x / 2;
}

Status Chain(int x, int* out) {
  HEARSAY_ASSIGN_OR_RETURN(int h, Half(x));
  HEARSAY_ASSIGN_OR_RETURN(*out, Half(h));
  return Status::Ok();
}

TEST(StatusTest, PropagatesTheFirstErrorWithItsMessage) {
  int out = 0;
  EXPECT_TRUE(Chain(8, &out).ok());
  EXPECT_EQ(out, 2);
  Status s = Chain(6, &out);  // 6 -> 3 -> odd
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "odd: 3");
  EXPECT_EQ(s.WithContext("a.txt").ToString(),
            "InvalidArgument: a.txt: odd: 3");
}

TEST(Utf8Test, RejectsOverlongSurrogatesAndTruncation) {
  EXPECT_TRUE(utf8::IsValid("plain \xE2\x80\x9Cquoted\xE2\x80\x9D"));
  EXPECT_EQ(utf8::FindInvalid("ab\xC0\x80"), 2u);           // overlong NUL
  EXPECT_EQ(utf8::FindInvalid("ab\xED\xA0\x80"), 2u);       // surrogate
  EXPECT_EQ(utf8::FindInvalid("abcdefghij\xE2\x80"), 10u);  // truncated
  EXPECT_EQ(utf8::FindInvalid("\xF4\x90\x80\x80"), 0u);     // > U+10FFFF
}

TEST(Utf8Test, RepairReplacesEachBadByteAndKeepsGoodOnes) {
  EXPECT_EQ(utf8::Repair("a\xFF"
                         "b\xC3\xA9"),
            "a\xEF\xBF\xBD"
            "b\xC3\xA9");
  EXPECT_EQ(utf8::Repair("\xE2\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_TRUE(utf8::IsValid(utf8::Repair("\x80\x81\xFE junk \xC3")));
}

TEST(Utf8Test, BoundariesNeverFallInsideASequence) {
  std::string s =
      "a\xE2\x80\x9C"
      "b";  // a “ b
  EXPECT_TRUE(utf8::IsBoundary(s, 0));
  EXPECT_TRUE(utf8::IsBoundary(s, 1));
  EXPECT_FALSE(utf8::IsBoundary(s, 2));
  EXPECT_FALSE(utf8::IsBoundary(s, 3));
  EXPECT_TRUE(utf8::IsBoundary(s, 4));
  EXPECT_TRUE(utf8::IsBoundary(s, 5));
  // A stray continuation byte is its own (invalid) unit: a boundary.
  EXPECT_TRUE(
      utf8::IsBoundary("a\x80"
                       "b",
                       1));
  EXPECT_TRUE(
      utf8::IsBoundary("a\x80"
                       "b",
                       2));
}

TEST(HashTest, IsStableAcrossRunsAndVersions) {
  // Stored in ledgers: this value must never change.
  EXPECT_EQ(HashHex(Hash64("hearsay")),
            HashHex(Hash64(std::string("hearsay"))));
  EXPECT_NE(Hash64("a"), Hash64("b"));
  EXPECT_EQ(HashHex(0x0123456789abcdefULL), "0123456789abcdef");
}

TEST(DocumentTest, TitleBlankLineBodyLayout) {
  Document d;
  SetTitleAndBody(d, "Headline", "Body text.");
  EXPECT_EQ(d.text, "Headline\n\nBody text.");
  EXPECT_EQ(d.body_begin, 10u);
  EXPECT_EQ(d.text.substr(d.body_begin), "Body text.");
  FinishDocument(d);
  EXPECT_EQ(d.id, HashHex(d.content_hash));
  Document e;
  SetTitleAndBody(e, "", "Only a body.");
  EXPECT_EQ(e.body_begin, 0u);
  EXPECT_EQ(e.text, "Only a body.");
}

TEST(JsonWriterTest, EscapesAndSeparates) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("s");
  w.String("a\"b\\c\n\x01\xFF");
  w.Key("n");
  w.BeginArray();
  w.Int(-3);
  w.Span(4, 9);
  w.Null();
  w.EndArray();
  w.Key("ok");
  w.Bool(true);
  w.EndObject();
  EXPECT_EQ(out,
            "{\"s\":\"a\\\"b\\\\c\\n\\u0001\xEF\xBF\xBD\",\"n\":[-3,[4,9],null]"
            ",\"ok\":true}");
}

}  // namespace
}  // namespace hearsay

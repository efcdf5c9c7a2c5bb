#include "core/csv.h"

#include <gtest/gtest.h>

namespace hearsay {
namespace {

TEST(CsvTest, QuotedFieldsWithCommasQuotesAndNewlines) {
  Result<CsvTable> t = CsvTable::Parse(
      "Headline,Body ID,Stance\n"
      "\"Hello, \"\"world\"\"\",12,agree\n"
      "\"two\nlines\",13,discuss\n"
      "plain,14,unrelated\n",
      "t.csv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  ASSERT_EQ(t->rows(), 3u);
  EXPECT_EQ(t->Cell(0, 0), "Hello, \"world\"");
  EXPECT_EQ(t->Cell(1, 0), "two\nlines");
  EXPECT_EQ(t->Line(1), 3u);
  EXPECT_EQ(t->Line(2), 5u);  // the quoted newline counts
  EXPECT_TRUE(t->errors().empty());
}

TEST(CsvTest, BomCrlfAndNoFinalNewline) {
  Result<CsvTable> t = CsvTable::Parse(
      "\xEF\xBB\xBF"
      "Body ID,articleBody\r\n1,\"a\r\nb\"\r\n2,c",
      "b.csv");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->header()[0], "Body ID");
  ASSERT_EQ(t->rows(), 2u);
  EXPECT_EQ(t->Cell(0, 1), "a\r\nb");
  EXPECT_EQ(t->Cell(1, 1), "c");
  EXPECT_EQ(*t->Column("articleBody"), 1);
}

TEST(CsvTest, EmptyFieldsAndBlankLines) {
  Result<CsvTable> t = CsvTable::Parse("a,b,c\n\n,,\n\"\",x,\n", "e.csv");
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->rows(), 2u);
  EXPECT_EQ(t->Cell(0, 0), "");
  EXPECT_EQ(t->Cell(1, 1), "x");
  EXPECT_EQ(t->Cell(1, 2), "");
}

TEST(CsvTest, BadRowsAreDroppedWithFileAndLine) {
  Result<CsvTable> t =
      CsvTable::Parse("a,b\n1,2\n1,2,3\n\"x\"y,2\n3,4\n\"open,5\n", "bad.csv");
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->rows(), 2u);
  EXPECT_EQ(t->Cell(1, 0), "3");
  ASSERT_EQ(t->errors().size(), 3u);
  EXPECT_EQ(t->errors()[0], "bad.csv:3: 3 fields, the header has 2");
  EXPECT_EQ(t->errors()[1].rfind("bad.csv:4: text after the closing quote", 0),
            0u);
  EXPECT_EQ(t->errors()[2], "bad.csv:6: a quoted field is never closed");
}

TEST(CsvTest, BareQuoteInsideUnquotedFieldIsKept) {
  Result<CsvTable> t = CsvTable::Parse("a,b\nsay \"hi\",2\n", "q.csv");
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->rows(), 1u);
  EXPECT_EQ(t->Cell(0, 0), "say \"hi\"");
}

TEST(CsvTest, NoHeaderAndMissingColumn) {
  EXPECT_FALSE(CsvTable::Parse("", "empty.csv").ok());
  EXPECT_FALSE(CsvTable::Parse("\n\n", "blank.csv").ok());
  Result<CsvTable> t = CsvTable::Parse("a,b\n", "h.csv");
  ASSERT_TRUE(t.ok());
  Result<int> c = t->Column("Stance");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().message(), "h.csv:1: no column named 'Stance'");
  EXPECT_EQ(t->ColumnIndex("b"), 1);
}

TEST(CsvTest, WriterRoundTrips) {
  std::string out = "x,y\n";
  AppendCsvRow({"He said \"no\", twice", "line\nbreak"}, out);
  AppendCsvRow({"plain", ""}, out);
  EXPECT_EQ(out,
            "x,y\n\"He said \"\"no\"\", twice\",\"line\nbreak\"\nplain,\n");
  Result<CsvTable> t = CsvTable::Parse(out, "w.csv");
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->rows(), 2u);
  EXPECT_EQ(t->Cell(0, 0), "He said \"no\", twice");
  EXPECT_EQ(t->Cell(0, 1), "line\nbreak");
}

}  // namespace
}  // namespace hearsay

#include "core/tsv.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace hearsay {
namespace {

TEST(TsvTest, ReadsCommentsHeaderAndRowsWithLineNumbers) {
  std::string text =
      "# What this file is for.\n"
      "# phrase: the cue\n"
      "phrase\tmodality\tnotes\n"
      "\n"
      "reportedly\treported\tan adverb\n"
      "# a comment between rows\n"
      "may\thedged\n"
      "  in talks  \t hedged \t\r\n";
  Result<TsvTable> t = TsvTable::Parse(text, "hedges.tsv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->columns(),
            (std::vector<std::string>{"phrase", "modality", "notes"}));
  EXPECT_EQ(t->header_line(), 3u);
  ASSERT_EQ(t->rows(), 3u);
  int phrase = *t->Column("phrase");
  int notes = t->ColumnIndex("notes");
  EXPECT_EQ(t->Cell(0, phrase), "reportedly");
  EXPECT_EQ(t->Cell(0, notes), "an adverb");
  EXPECT_EQ(t->Line(0), 5u);
  EXPECT_EQ(t->Cell(1, notes), "");  // the row stops short
  EXPECT_EQ(t->Line(1), 7u);
  EXPECT_EQ(t->Cell(2, phrase), "in talks");  // trimmed, CR dropped
  EXPECT_EQ(t->Cell(2, 1), "hedged");
  EXPECT_EQ(t->Cell(2, -1), "");
  EXPECT_EQ(t->ColumnIndex("absent"), -1);
}

TEST(TsvTest, MissingColumnNamesTheFileTheHeaderAndWhatIsThere) {
  Result<TsvTable> t = TsvTable::Parse("#c\na\tb\nx\ty\n", "x.tsv");
  ASSERT_TRUE(t.ok());
  Result<int> c = t->Column("phrase");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(c.status().message(),
            "x.tsv:2: no column 'phrase' (the header has: a, b)");
}

TEST(TsvTest, ErrorsNameFileAndLine) {
  auto err = [](std::string_view text) {
    Result<TsvTable> t = TsvTable::Parse(text, "f.tsv");
    return t.ok() ? std::string("ok") : t.status().message();
  };
  EXPECT_EQ(err("a\tb\n1\t2\t3\n"),
            "f.tsv:2: 3 cells but the header has 2 columns");
  EXPECT_EQ(err("# only comments\n\n"),
            "f.tsv: no header row (every line is blank or a comment)");
  EXPECT_EQ(err(""), "f.tsv: no header row (every line is blank or a comment)");
  EXPECT_EQ(err("a\t\tc\n"), "f.tsv:1: header column 2 has no name");
  EXPECT_EQ(err("a\tb\ta\n"), "f.tsv:1: header names column 'a' twice");
  EXPECT_EQ(err("a\n#\nok\nb\xFF\n"), "f.tsv:4: invalid UTF-8 at byte 8");
  EXPECT_EQ(err(std::string_view("a\nx\0y\n", 6)), "f.tsv:2: NUL byte");
}

TEST(TsvTest, TrailingTabsAreNotExtraCells) {
  Result<TsvTable> t = TsvTable::Parse("a\tb\nx\t\t\t\n", "f.tsv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->Cell(0, 0), "x");
  EXPECT_EQ(t->Cell(0, 1), "");
}

TEST(TsvTest, RowErrorUsesTheRowsLine) {
  Result<TsvTable> t =
      TsvTable::Parse("\xEF\xBB\xBFk\tv\n\nx\t1\ny\t2", "f.tsv");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->columns()[0], "k");  // the byte-order mark is skipped
  EXPECT_EQ(t->RowError(1, "v must be yes or no").ToString(),
            "DataLoss: f.tsv:4: v must be yes or no");
}

TEST(TsvTest, ViewsStayValidAfterTheTableMoves) {
  Result<TsvTable> t = TsvTable::Parse("k\nab\n", "f.tsv");
  ASSERT_TRUE(t.ok());
  TsvTable moved = std::move(*t);
  TsvTable again = std::move(moved);
  EXPECT_EQ(again.Cell(0, 0), "ab");
}

TEST(TsvTest, SplitsListsOnBarsAndDropsEmpties) {
  EXPECT_EQ(SplitTsvList("U.S. | US|USA||  "),
            (std::vector<std::string_view>{"U.S.", "US", "USA"}));
  EXPECT_TRUE(SplitTsvList("").empty());
  EXPECT_TRUE(SplitTsvList(" | ").empty());
  EXPECT_EQ(SplitTsvList("one"), (std::vector<std::string_view>{"one"}));
}

TEST(TsvTest, ReadFileReportsMissingFilesAndParsesPresentOnes) {
  Result<TsvTable> missing = TsvTable::ReadFile("/nonexistent/dir/x.tsv");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("/nonexistent/dir/x.tsv"),
            std::string::npos);

  std::string path = ::testing::TempDir() + "tsv_test_file.tsv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "# c\nname\tcountry\nFord\tUnited States\nBad\tx\ty\n";
  }
  Result<TsvTable> bad = TsvTable::ReadFile(path);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(),
            path + ":4: 3 cells but the header has 2 columns");
  std::remove(path.c_str());
}

}  // namespace
}  // namespace hearsay

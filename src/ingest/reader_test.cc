#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/hash.h"
#include "core/utf8.h"
#include "hearsay/ingest.h"
#include "ingest/html.h"
#include "ingest/test_util.h"

namespace hearsay::ingest {
namespace {

using testing::Fixture;
using testing::Gzip;
using testing::HttpResponse;
using testing::ReadBytes;
using testing::ReadFixture;
using testing::ReadFromPath;
using testing::WarcRecord;

std::string_view Body(const Document& d) {
  return std::string_view(d.text).substr(d.body_begin);
}

void ExpectInvariants(const Document& d) {
  EXPECT_LE(d.body_begin, d.text.size());
  EXPECT_TRUE(utf8::IsValid(d.text));
  EXPECT_EQ(d.content_hash, Hash64(d.text));
  EXPECT_FALSE(d.id.empty());
  if (!d.title.empty()) {
    EXPECT_EQ(d.text.substr(0, d.title.size()), d.title);
    EXPECT_EQ(d.text.substr(d.title.size(), 2), "\n\n");
  }
}

// ---------------------------------------------------------------- text

TEST(TextReader, TitleBlankLineBody) {
  auto r = ReadFromPath(Fixture("article.txt"));
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.docs.size(), 1u);
  const Document& d = r.docs[0];
  ExpectInvariants(d);
  EXPECT_EQ(d.title, "Harbour Authority Approves Night Ferry Trial");
  EXPECT_TRUE(Body(d).starts_with("The harbour authority of Port Elling"));
  EXPECT_EQ(d.language, "en");
  EXPECT_TRUE(d.language_detected);
  EXPECT_EQ(d.id, HashHex(d.content_hash));
  EXPECT_EQ(d.published_from, PublishedFrom::kNone);
  EXPECT_TRUE(r.diagnostics.empty());
}

TEST(TextReader, BodyOnlyWhenFirstParagraphIsNotAShortLine) {
  auto r = ReadFromPath(Fixture("lead_only.txt"));
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].title, "");
  EXPECT_EQ(r.docs[0].body_begin, 0u);
  EXPECT_TRUE(r.docs[0].text.starts_with("The river council"));
}

TEST(TextReader, CrLfAndBom) {
  auto r = ReadBytes(
      "a.txt", "\xEF\xBB\xBFTitle here\r\n\r\nBody line one.\r\nTwo.\r\n");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].title, "Title here");
  EXPECT_EQ(Body(r.docs[0]), "Body line one.\r\nTwo.\r\n");
}

// DESIGN.md: `text` is the original bytes. Line ends, indentation, blank
// lines and the final line break stay, so a span over the body is a span
// over the file.
TEST(TextReader, BodyIsKeptByteForByte) {
  const std::string body =
      "  Indented lead, CRLF ends.\r\n\r\n\r\nSecond paragraph.\t\r\n"
      "Third line\rwith a lone CR.\n\n  \n";
  auto r = ReadBytes("a.txt", "\r\n Short title \r\n \r\n\r\n" + body);
  ASSERT_EQ(r.docs.size(), 1u);
  const Document& d = r.docs[0];
  ExpectInvariants(d);
  EXPECT_EQ(d.title, "Short title");
  EXPECT_EQ(Body(d), body);

  const std::string untitled =
      "\nA first line long enough and ending in a full stop, so it is no "
      "title at all.\r\n\r\nThe rest.\r\n";
  auto u = ReadBytes("b.txt", untitled);
  ASSERT_EQ(u.docs.size(), 1u);
  EXPECT_EQ(u.docs[0].title, "");
  EXPECT_EQ(u.docs[0].text, untitled);
}

TEST(TextReader, InvalidUtf8IsRepaired) {
  auto r = ReadBytes("a.txt",
                     "Title\n\nBody with \xff\xfe bad bytes and \xC3 more.");
  ASSERT_EQ(r.docs.size(), 1u);
  ExpectInvariants(r.docs[0]);
  EXPECT_NE(r.docs[0].text.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(BadInput, EmptyFileGivesOneDiagnostic) {
  for (std::string_view name :
       {"e.txt", "e.jsonl", "e.html", "e.warc", "e.rss", "e"}) {
    auto r = ReadBytes(name, "");
    EXPECT_TRUE(r.status.ok());
    EXPECT_TRUE(r.docs.empty());
    ASSERT_EQ(r.diagnostics.size(), 1u) << name;
    EXPECT_EQ(r.diagnostics[0].ToString(),
              std::string(name) + ": byte 0: empty file");
  }
  auto blank = ReadBytes("b.txt", "  \n\n  ");
  EXPECT_EQ(blank.diagnostics.size(), 1u);
}

TEST(BadInput, BinaryJunkGivesOneDiagnosticPerFormat) {
  std::string junk;
  uint32_t x = 12345;
  for (int i = 0; i < 100000; ++i) {
    x = x * 1103515245 + 12345;
    junk.push_back(static_cast<char>(x >> 16));
  }
  for (InputFormat f :
       {InputFormat::kAuto, InputFormat::kText, InputFormat::kJsonl,
        InputFormat::kHtml, InputFormat::kWarc, InputFormat::kFeed}) {
    ReadOptions o;
    o.format = f;
    auto r = ReadBytes("junk.bin", junk, o);
    EXPECT_TRUE(r.status.ok());
    for (const Document& d : r.docs) ExpectInvariants(d);
    // JSON Lines counts lines, and junk has many; every other reader sees
    // one malformed input.
    if (f != InputFormat::kJsonl) {
      EXPECT_LE(r.diagnostics.size(), 1u) << InputFormatName(f);
    }
    EXPECT_GE(r.diagnostics.size() + r.docs.size(), 1u) << InputFormatName(f);
  }
}

TEST(BadInput, StrictStopsAtFirst) {
  ReadOptions o;
  o.strict = true;
  auto r = ReadBytes("s.jsonl", "nope\n{\"text\":\"fine\"}\n", o);
  EXPECT_FALSE(r.status.ok());
  EXPECT_EQ(r.status.code(), StatusCode::kDataLoss);
  EXPECT_EQ(r.diagnostics.size(), 1u);
  EXPECT_TRUE(r.docs.empty());
}

TEST(BadInput, WholeFileReadersRespectTheLimit) {
  ReadOptions o;
  o.max_document_bytes = 1000;
  for (std::string_view name : {"big.txt", "big.html", "big.rss", "big.json"}) {
    std::string bytes = name == "big.json" ? "[\"" : "";
    bytes.append(5000, 'x');
    auto r = ReadBytes(name, bytes, o);
    EXPECT_TRUE(r.docs.empty()) << name;
    ASSERT_EQ(r.diagnostics.size(), 1u) << name;
    EXPECT_NE(r.diagnostics[0].message.find("max_document_bytes"),
              std::string::npos);
  }
}

TEST(Reader, CallbackCanStop) {
  Reader reader(ReadOptions{}, [](const Diagnostic&) {});
  int n = 0;
  Status s = reader.ReadPath(Fixture("news.jsonl"), [&](Document&&) {
    ++n;
    return InternalError("enough");
  });
  EXPECT_EQ(s.code(), StatusCode::kInternal);
  EXPECT_EQ(n, 1);
}

// ---------------------------------------------------------------- jsonl

TEST(JsonlReader, NewsPleaseFields) {
  auto r = ReadFromPath(Fixture("news.jsonl"));
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.docs.size(), 4u);
  const Document& a = r.docs[0];
  ExpectInvariants(a);
  EXPECT_EQ(a.id, "np-1");
  EXPECT_EQ(a.title, "Council Backs Tram Extension");
  // maintext is kept byte for byte: spans over the body are spans over it.
  EXPECT_EQ(Body(a),
            "The city council voted 31 to 12 on Thursday to extend the tram "
            "line to the "
            "airport.\nThe extension is expected to open in 2027, a "
            "spokesperson said.");
  EXPECT_EQ(a.published, "2024-05-16T18:30:00");
  EXPECT_EQ(a.published_from, PublishedFrom::kMeta);
  EXPECT_EQ(a.outlet, "metro-daily.example");
  EXPECT_EQ(a.url, "https://metro-daily.example/tram?id=7");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Lea Novak", "Sam Ortiz"}));
  EXPECT_EQ(a.language, "en");
  EXPECT_FALSE(a.language_detected);
  EXPECT_EQ(a.origin, Fixture("news.jsonl") + " line 1");

  const Document& b = r.docs[1];
  EXPECT_EQ(b.title, "Second Story Without Maintext");
  EXPECT_EQ(b.published, "2024-05-17T07:00:00Z");
  EXPECT_EQ(b.url, "http://example.org/second");
  EXPECT_EQ(b.id, HashHex(b.content_hash));

  EXPECT_EQ(r.docs[2].title, "");
  EXPECT_EQ(r.docs[2].published, "2024-05-18");

  const Document& de = r.docs[3];
  EXPECT_EQ(de.language, "de");
  EXPECT_TRUE(de.language_detected);

  ASSERT_EQ(r.diagnostics.size(), 3u);
  EXPECT_EQ(r.diagnostics[0].location, "line 5");  // line 4 is blank
  EXPECT_TRUE(r.diagnostics[0].message.starts_with("not JSON"));
  EXPECT_EQ(r.diagnostics[1].location, "line 6");
  EXPECT_EQ(r.diagnostics[1].message, "no text (maintext, text or body)");
  EXPECT_EQ(r.diagnostics[2].location, "line 7");
  EXPECT_EQ(r.skipped, 3u);
  EXPECT_EQ(r.diagnostics[0].ToString(),
            Fixture("news.jsonl") + ": line 5: " + r.diagnostics[0].message);
}

TEST(JsonlReader, OverLimitLineIsSkippedWithoutHoldingIt) {
  // A 200 MB line between two good ones, read with the default 64 MiB limit.
  std::string big = "{\"text\":\"first\"}\n{\"text\":\"";
  big.append(200u << 20, 'a');
  big += "\"}\n{\"text\":\"last\"}";
  auto r = ReadBytes("big.jsonl", big);
  big.clear();
  big.shrink_to_fit();
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].text, "first");
  EXPECT_EQ(r.docs[1].text, "last");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].location, "line 2");
  EXPECT_NE(r.diagnostics[0].message.find("exceeds max_document_bytes"),
            std::string::npos);
}

TEST(JsonlReader, SmallLimitAndLastLineWithoutNewline) {
  ReadOptions o;
  o.max_document_bytes = 100;
  std::string line = "{\"text\":\"" + std::string(500, 'x') + "\"}";
  auto r = ReadBytes("l.jsonl", line + "\n" + line + "\n{\"text\":\"ok\"}", o);
  EXPECT_EQ(r.docs.size(), 1u);
  ASSERT_EQ(r.diagnostics.size(), 2u);
  EXPECT_EQ(r.diagnostics[1].location, "line 2");
}

TEST(JsonlReader, JsonArrayFile) {
  auto r = ReadBytes("export.json",
                     " [{\"title\":\"A\",\"text\":\"Alpha body.\"},\n"
                     "  {\"title\":\"B\"},\n"
                     "  {\"title\":\"C\",\"body\":\"Gamma body.\"}]");
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[1].title, "C");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].location, "element 2");
  auto bad = ReadBytes("bad.json", "[{\"text\":\"x\"},");
  EXPECT_TRUE(bad.docs.empty());
  EXPECT_EQ(bad.diagnostics.size(), 1u);
}

TEST(JsonlReader, GzippedJsonl) {
  auto r =
      ReadBytes("n.jsonl.gz", Gzip("{\"title\":\"T\",\"text\":\"Body.\"}\n"));
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "T\n\nBody.");
}

// ---------------------------------------------------------------- html

TEST(HtmlReader, MetadataAndMainText) {
  auto r = ReadFromPath(Fixture("article.html"));
  ASSERT_EQ(r.docs.size(), 1u)
      << (r.diagnostics.empty() ? "" : r.diagnostics[0].ToString());
  const Document& d = r.docs[0];
  ExpectInvariants(d);
  EXPECT_EQ(d.title, "Night Ferries Return to Port Elling");
  EXPECT_EQ(d.outlet, "The Elling Courier");
  EXPECT_EQ(d.url, "https://www.courier.example/news/night-ferries?page=2");
  EXPECT_EQ(d.published, "2024-03-04T08:15:00Z");
  EXPECT_EQ(d.published_from, PublishedFrom::kMeta);
  EXPECT_EQ(d.authors, (std::vector<std::string>{"Mira Holt", "Tomas Reyes"}));
  EXPECT_EQ(d.language, "en");
  EXPECT_FALSE(d.language_detected);
  std::string_view body = Body(d);
  EXPECT_EQ(
      body,
      "Night ferries will return to Port Elling next month, the harbour "
      "authority said "
      "on Monday \xE2\x80\x94 the first late crossings since 2019.\n\n"
      "The authority's chair, Anna Berg, told reporters the service would run "
      "\xE2\x80\x9C"
      "every night of the week\xE2\x80\x9D during the trial.\n\n"
      "Residents of the north shore had asked for the service for years, "
      "according to "
      "a petition seen by the Courier.\n\n"
      "The trial will be reviewed in the autumn.");
}

TEST(HtmlReader, JsonLdArrayAndTitleSuffix) {
  auto r = ReadFromPath(Fixture("jsonld.html"));
  ASSERT_EQ(r.docs.size(), 1u);
  const Document& d = r.docs[0];
  EXPECT_EQ(d.title, "Mill closure confirmed");
  EXPECT_EQ(d.published, "2023-11-20T21:45:00Z");
  EXPECT_EQ(d.published_from, PublishedFrom::kJsonLd);
  EXPECT_EQ(d.authors, std::vector<std::string>{"Jon Pike"});
  EXPECT_EQ(d.outlet, "Valley Post");
  EXPECT_EQ(d.language, "en");
  EXPECT_TRUE(Body(d).starts_with("The Ashford paper mill"));
  EXPECT_EQ(Body(d).find("Most read"), std::string_view::npos);
  EXPECT_EQ(Body(d).find("Home"), std::string_view::npos);
}

TEST(HtmlReader, TextDensityAndTimeElement) {
  auto r = ReadFromPath(Fixture("density.html"));
  ASSERT_EQ(r.docs.size(), 1u);
  const Document& d = r.docs[0];
  EXPECT_EQ(d.title, "Orchard Fair Draws Record Crowd");
  EXPECT_EQ(d.published, "2022-09-17");
  EXPECT_EQ(d.published_from, PublishedFrom::kMeta);
  EXPECT_TRUE(Body(d).starts_with("A record crowd"));
  EXPECT_TRUE(Body(d).ends_with("asked not to be named."));
  EXPECT_EQ(d.outlet, "");  // no URL, no site name
  EXPECT_EQ(d.language, "en");
  EXPECT_TRUE(d.language_detected);
}

TEST(HtmlReader, SidebarTimeDoesNotDateTheStory) {
  auto r = ReadBytes(
      "t.html",
      "<aside><time datetime=\"2001-01-01\">old</time></aside><article>"
      "<time datetime=\"2024-07-07T10:00:00Z\">today</time><p>Story "
      "text.</p></article>");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].published, "2024-07-07T10:00:00Z");
}

TEST(HtmlReader, TitleFallbacksAndSuffixes) {
  auto t = ReadBytes(
      "p.html",
      "<title>Budget Vote Delayed | City Wire</title><p>The budget vote "
      "was delayed to next week.</p>");
  ASSERT_EQ(t.docs.size(), 1u);
  EXPECT_EQ(t.docs[0].title, "Budget Vote Delayed");
  auto h1 = ReadBytes(
      "p.html",
      "<title>x</title><h1>Flood Defences <i>Hold</i></h1><p>Defences held "
      "overnight.</p>");
  ASSERT_EQ(h1.docs.size(), 1u);
  EXPECT_EQ(h1.docs[0].title, "Flood Defences Hold");
  EXPECT_EQ(h1.docs[0].text, "Flood Defences Hold\n\nDefences held overnight.");
  auto dash = ReadBytes("p.html",
                        "<meta property=og:site_name content=\"Daily Planet\">"
                        "<title>Heat Wave - Daily Planet</title><p>Hot.</p>");
  ASSERT_EQ(dash.docs.size(), 1u);
  EXPECT_EQ(dash.docs[0].title, "Heat Wave");
  auto keep = ReadBytes("p.html", "<title>Left - Right</title><p>Text.</p>");
  EXPECT_EQ(keep.docs[0].title, "Left - Right");
}

TEST(HtmlReader, ClassWordsDoNotDropTheArticleItself) {
  auto r = ReadBytes(
      "c.html",
      "<body class=\"has-sidebar\"><article class=\"story ad-free\">"
      "<p>The story itself is kept.</p><div class=\"social-share\">"
      "Share</div></article><div class=\"promo\"><p>Buy now, a long "
      "promotional paragraph that should not be part of it.</p></div></body>");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "The story itself is kept.");
}

TEST(HtmlReader, Windows1252Declared) {
  auto r = ReadBytes(
      "l.html",
      "<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 Opens"
      "</title></head><body><p>The caf\xe9 \x93opened\x94 today.</p></body>"
      "</html>");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].title, "Caf\xC3\xA9 Opens");
  EXPECT_EQ(Body(r.docs[0]),
            "The caf\xC3\xA9 \xE2\x80\x9Copened\xE2\x80\x9D today.");
}

TEST(HtmlReader, InvalidUtf8Repaired) {
  auto r = ReadBytes("u.html", "<p>Broken \xff\xc3 bytes here.</p>");
  ASSERT_EQ(r.docs.size(), 1u);
  ExpectInvariants(r.docs[0]);
}

TEST(HtmlReader, NoTextIsOneDiagnostic) {
  auto r =
      ReadBytes("n.html", "<html><body><nav><a>Home</a></nav></body></html>");
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].ToString(),
            "n.html: byte 0: no article text found");
}

TEST(HtmlReader, NestedHundredThousandDeep) {
  for (std::string tag : {"div", "b", "span", "table", "a"}) {
    std::string html = "<html><body>";
    for (int i = 0; i < 100000; ++i) html += "<" + tag + ">";
    html += "<p>Deep text survives.</p>";
    for (int i = 0; i < 100000; ++i) html += "</" + tag + ">";
    html += "</body></html>";
    auto r = ReadBytes("deep.html", html);
    ASSERT_EQ(r.docs.size(), 1u) << tag;
    EXPECT_NE(r.docs[0].text.find("Deep text survives."), std::string::npos)
        << tag;
  }
  // Unclosed, too.
  std::string open = "<p>Start.</p>";
  for (int i = 0; i < 100000; ++i) open += "<div class=x>";
  auto r = ReadBytes("open.html", open + "end");
  EXPECT_EQ(r.docs.size(), 1u);
}

TEST(HtmlReader, LimitNestingKeepsText) {
  std::string html;
  for (int i = 0; i < kMaxHtmlDepth + 10; ++i) html += "<div>";
  html += "x";
  for (int i = 0; i < kMaxHtmlDepth + 10; ++i) html += "</div>";
  std::string storage;
  std::string_view limited = LimitNesting(html, storage);
  EXPECT_LT(limited.size(), html.size());
  EXPECT_NE(limited.find('x'), std::string_view::npos);
  std::string shallow = "<div><p>a</div>";
  EXPECT_EQ(LimitNesting(shallow, storage).data(), shallow.data());
}

TEST(HtmlToText, FragmentParagraphs) {
  EXPECT_EQ(
      HtmlToText("<p>One &amp; two.</p><p>Three<br>four</p><script>x</script>"),
      "One & two.\n\nThree\n\nfour");
  EXPECT_EQ(HtmlToText("plain"), "plain");
  EXPECT_EQ(HtmlToText(""), "");
}

// ---------------------------------------------------------------- warc

std::string ArticlePage(std::string_view title, std::string_view text) {
  return "<html><head><title>" + std::string(title) +
         "</title></head><body><p>" + std::string(text) + "</p></body></html>";
}

TEST(WarcReader, ResponsesOnlyWithFallbacks) {
  std::string warc =
      WarcRecord("warcinfo", "", "software: test\r\n") +
      WarcRecord("request", "https://a.example/1", "GET /1 HTTP/1.1\r\n\r\n") +
      WarcRecord("response", "https://A.example/1?utm_source=x",
                 HttpResponse(ArticlePage("First Page", "First body text."))) +
      WarcRecord("response", "https://a.example/img.png",
                 HttpResponse("\x89PNG....", "image/png")) +
      WarcRecord("response", "https://a.example/missing",
                 "HTTP/1.1 404 Not Found\r\nContent-Type: "
                 "text/html\r\n\r\n<p>gone</p>") +
      WarcRecord("response", "https://a.example/2",
                 HttpResponse(
                     "<html><head><meta property=\"article:published_time\" "
                     "content=\"2024-02-09T08:00:00Z\"></head><body><p>Second "
                     "body.</p></body></html>"));
  auto r = ReadBytes("crawl.warc", warc);
  ASSERT_TRUE(r.status.ok());
  EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics[0].ToString();
  ASSERT_EQ(r.docs.size(), 2u);
  const Document& a = r.docs[0];
  ExpectInvariants(a);
  EXPECT_EQ(a.title, "First Page");
  EXPECT_EQ(a.url, "https://a.example/1");
  EXPECT_EQ(a.outlet, "a.example");
  EXPECT_EQ(a.published, "2024-02-10T11:12:13Z");
  EXPECT_EQ(a.published_from, PublishedFrom::kWarcDate);
  EXPECT_TRUE(a.id.starts_with("urn:uuid:"));
  EXPECT_EQ(a.origin,
            "crawl.warc record 3 (byte " +
                std::to_string(warc.find("WARC/1.0\r\nWARC-Type: response")) +
                ")");
  EXPECT_EQ(r.docs[1].published, "2024-02-09T08:00:00Z");
  EXPECT_EQ(r.docs[1].published_from, PublishedFrom::kMeta);
}

TEST(WarcReader, GzipPerRecordChunkedAndEncoded) {
  std::string page = ArticlePage("Chunked", "Chunked transfer body.");
  std::string chunked;
  for (size_t i = 0; i < page.size(); i += 10) {
    std::string part = page.substr(i, 10);
    char hex[16];
    std::snprintf(hex, sizeof hex, "%zx", part.size());
    chunked += std::string(hex) + "\r\n" + part + "\r\n";
  }
  chunked += "0\r\n\r\n";
  std::string http1 =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: "
      "chunked\r\n\r\n" +
      chunked;
  std::string http2 =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\r\n"
      "Content-Encoding: gzip\r\n\r\n" +
      Gzip(ArticlePage("Gzipped", "Caf\xe9 body."));
  std::string gz = Gzip(WarcRecord("response", "https://b.example/c", http1)) +
                   Gzip(WarcRecord("response", "https://b.example/g", http2));
  auto r = ReadBytes("cc.warc.gz", gz);
  ASSERT_TRUE(r.diagnostics.empty()) << r.diagnostics[0].ToString();
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].text, "Chunked\n\nChunked transfer body.");
  EXPECT_EQ(r.docs[1].text, "Gzipped\n\nCaf\xC3\xA9 body.");
}

TEST(WarcReader, ContentLengthTooLongResumesAtNextRecord) {
  std::string good1 = WarcRecord("response", "https://c.example/1",
                                 HttpResponse(ArticlePage("One", "Body one.")));
  std::string block = HttpResponse(ArticlePage("Liar", "Body liar."));
  std::string liar =
      WarcRecord("response", "https://c.example/2", block, block.size() + 50);
  std::string good2 =
      WarcRecord("response", "https://c.example/3",
                 HttpResponse(ArticlePage("Three", "Body three.")));
  auto r = ReadBytes("lie.warc", good1 + liar + good2);
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].title, "One");
  EXPECT_EQ(r.docs[1].title, "Three");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].location,
            "record 2 (byte " + std::to_string(good1.size()) + ")");
  EXPECT_NE(r.diagnostics[0].message.find("Content-Length"), std::string::npos);
}

TEST(WarcReader, ContentLengthTooShortAndPastEnd) {
  std::string block = HttpResponse(ArticlePage("Short", "Body short."));
  std::string shortrec =
      WarcRecord("response", "https://c.example/s", block, block.size() - 20);
  std::string good =
      WarcRecord("response", "https://c.example/g",
                 HttpResponse(ArticlePage("Good", "Body good.")));
  auto r = ReadBytes("short.warc", shortrec + good);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].title, "Good");
  EXPECT_EQ(r.diagnostics.size(), 1u);

  std::string past =
      WarcRecord("response", "https://c.example/p", block, 100000);
  auto p = ReadBytes("past.warc", good + past);
  ASSERT_EQ(p.docs.size(), 1u);
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_NE(p.diagnostics[0].message.find("runs past the end"),
            std::string::npos);
}

TEST(WarcReader, LyingContentLengthInsideGzipMembers) {
  std::string block = HttpResponse(ArticlePage("Liar", "Body liar."));
  std::string gz =
      Gzip(WarcRecord("response", "https://d.example/1",
                      HttpResponse(ArticlePage("One", "Body one.")))) +
      Gzip(WarcRecord("response", "https://d.example/2", block,
                      block.size() + 7)) +
      Gzip(WarcRecord("response", "https://d.example/3",
                      HttpResponse(ArticlePage("Three", "Body three."))));
  auto r = ReadBytes("lie.warc.gz", gz);
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[1].title, "Three");
  EXPECT_EQ(r.diagnostics.size(), 1u);
}

TEST(WarcReader, TruncatedGzip) {
  std::string one =
      Gzip(WarcRecord("response", "https://e.example/1",
                      HttpResponse(ArticlePage("One", "Body one."))));
  std::string two =
      Gzip(WarcRecord("response", "https://e.example/2",
                      HttpResponse(ArticlePage("Two", "Body two."))));
  auto r = ReadBytes("t.warc.gz", one + two.substr(0, two.size() / 2));
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].title, "One");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_NE(r.diagnostics[0].message.find("truncated gzip"), std::string::npos)
      << r.diagnostics[0].ToString();
  EXPECT_NE(r.diagnostics[0].location.find("record 2"), std::string::npos);
}

TEST(WarcReader, CorruptGzipMemberThenGoodOne) {
  std::string one =
      Gzip(WarcRecord("response", "https://e.example/1",
                      HttpResponse(ArticlePage("One", "Body one."))));
  std::string two =
      Gzip(WarcRecord("response", "https://e.example/2",
                      HttpResponse(ArticlePage("Two", "Body two."))));
  std::string three =
      Gzip(WarcRecord("response", "https://e.example/3",
                      HttpResponse(ArticlePage("Three", "Body three."))));
  for (size_t i = 20; i < two.size() - 10; ++i)
    two[i] = static_cast<char>(two[i] ^ 0x5a);
  auto r = ReadBytes("c.warc.gz", one + two + three);
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].title, "One");
  EXPECT_EQ(r.docs[1].title, "Three");
  ASSERT_EQ(r.diagnostics.size(), 1u) << r.diagnostics[0].ToString();
  EXPECT_NE(r.diagnostics[0].ToString().find("gzip"), std::string::npos);
}

TEST(WarcReader, OverLimitRecordIsSkipped) {
  ReadOptions o;
  o.max_document_bytes = 1000;
  std::string big =
      WarcRecord("response", "https://f.example/big",
                 HttpResponse(ArticlePage("Big", std::string(5000, 'w'))));
  std::string small =
      WarcRecord("response", "https://f.example/small",
                 HttpResponse(ArticlePage("Small", "Small body.")));
  auto r = ReadBytes("big.warc", big + small, o);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].title, "Small");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_NE(r.diagnostics[0].message.find("max_document_bytes"),
            std::string::npos);
}

TEST(WarcReader, ResourceRecordAndBracketedUri) {
  std::string page = ArticlePage("Saved", "Saved without HTTP headers.");
  std::string rec =
      "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: "
      "<https://h.example/saved>\r\nContent-Type: text/html\r\n"
      "Content-Length: " +
      std::to_string(page.size()) + "\r\n\r\n" + page + "\r\n\r\n";
  auto r = ReadBytes("r.warc", rec);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].url, "https://h.example/saved");
  EXPECT_EQ(r.docs[0].title, "Saved");
}

TEST(WarcReader, BrokenHttpPayloadsAreDiagnosed) {
  std::string page = ArticlePage("P", "Body.");
  std::string brotli =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: "
      "br\r\n\r\n\x0b\x02\x80garbage";
  std::string bad_gzip =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: "
      "gzip\r\n\r\n\x1f\x8b\x08\x00junk";
  std::string bad_chunks =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: "
      "chunked\r\n\r\nzz\r\nnot chunked";
  std::string no_blank = "HTTP/1.1 200 OK\r\nContent-Type: text/html";
  // Stored already decoded although the header still says gzip.
  std::string decoded =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: "
      "gzip\r\n\r\n" +
      page;
  auto r = ReadBytes(
      "h.warc", WarcRecord("response", "https://i.example/1", brotli) +
                    WarcRecord("response", "https://i.example/2", bad_gzip) +
                    WarcRecord("response", "https://i.example/3", bad_chunks) +
                    WarcRecord("response", "https://i.example/4", no_blank) +
                    WarcRecord("response", "https://i.example/5", decoded));
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].url, "https://i.example/5");
  ASSERT_EQ(r.diagnostics.size(), 4u);
  EXPECT_NE(r.diagnostics[0].message.find("Content-Encoding br"),
            std::string::npos);
  EXPECT_TRUE(r.diagnostics[1].location.starts_with("record 2 "));
  EXPECT_TRUE(r.diagnostics[2].location.starts_with("record 3 "));
  EXPECT_TRUE(r.diagnostics[3].location.starts_with("record 4 "));
}

TEST(WarcReader, GarbageBetweenRecords) {
  std::string good =
      WarcRecord("response", "https://g.example/1",
                 HttpResponse(ArticlePage("Good", "Good body.")));
  auto r =
      ReadBytes("g.warc", good + "garbage that is not a record\r\n" + good);
  EXPECT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.diagnostics.size(), 1u);
}

// ---------------------------------------------------------------- feeds

TEST(FeedReader, Rss) {
  auto r = ReadFromPath(Fixture("feed.rss"));
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.docs.size(), 2u);
  const Document& a = r.docs[0];
  ExpectInvariants(a);
  EXPECT_EQ(a.title, "Lighthouse to Reopen for Visitors");
  EXPECT_EQ(a.url, "https://coastal.example/lighthouse");
  EXPECT_EQ(a.id, "coastal-1001");
  EXPECT_EQ(a.outlet, "Coastal Times");
  EXPECT_EQ(a.published, "2024-04-02T08:30:00Z");
  EXPECT_EQ(a.published_from, PublishedFrom::kFeed);
  EXPECT_EQ(a.authors, std::vector<std::string>{"Ines Varga"});
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(Body(a),
            "The old lighthouse at Kessel Point will reopen to visitors in "
            "June, the parks "
            "agency said.\n\nTickets will cost \xE2\x82\xAC"
            "4 & children go free.");
  const Document& b = r.docs[1];
  EXPECT_EQ(b.published, "not a date");
  EXPECT_EQ(Body(b),
            "The storm warning for the coast was lifted on Wednesday.");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_TRUE(r.diagnostics[0].location.starts_with("item 3 (line "));
}

TEST(FeedReader, OutletIsTheFeedTitleWithoutItsSection) {
  auto rss = [](std::string_view title) {
    return ReadBytes("f.rss", "<rss version=\"2.0\"><channel><title>" +
                                  std::string(title) +
                                  "</title><link>https://delta.example/</link>"
                                  "<item><title>Fares Frozen</title>"
                                  "<link>https://delta.example/fares</link>"
                                  "<description>Fares stay the same this year."
                                  "</description></item></channel></rss>");
  };
  // The part after the separator only says which feed it is.
  EXPECT_EQ(rss("Delta Notes \xE2\x80\x94 Latest news").docs.at(0).outlet,
            "Delta Notes");
  EXPECT_EQ(rss("Delta Notes | Top stories").docs.at(0).outlet, "Delta Notes");
  // A section of its own stays: it may be how the outlet names itself.
  EXPECT_EQ(rss("Delta Notes - Politics").docs.at(0).outlet,
            "Delta Notes - Politics");
  EXPECT_EQ(rss("Delta Notes").docs.at(0).outlet, "Delta Notes");
}

TEST(FeedReader, Atom) {
  auto r = ReadFromPath(Fixture("feed.atom"));
  ASSERT_EQ(r.docs.size(), 2u);
  const Document& a = r.docs[0];
  EXPECT_EQ(a.title, "Reservoir Levels Rise After Rain");
  EXPECT_EQ(a.url, "https://gazette.example/reservoir");
  EXPECT_EQ(a.outlet, "Hill Country Gazette");
  EXPECT_EQ(a.published, "2024-06-01T12:00:00Z");
  EXPECT_EQ(a.authors, std::vector<std::string>{"Petra Lund"});
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(
      Body(a),
      "Reservoir levels rose by a third after a week of rain, the water board "
      "said.\n\nRestrictions on garden hoses will end on Friday.");
  EXPECT_EQ(r.docs[1].published, "2024-06-03T07:00:00Z");
  EXPECT_EQ(Body(r.docs[1]),
            "The weekly market will move to the station square from July.");
  EXPECT_TRUE(r.diagnostics.empty());
}

TEST(FeedReader, Rss10WithDublinCore) {
  auto r =
      ReadBytes("f.rdf",
                "<?xml version=\"1.0\"?><rdf:RDF "
                "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                "xmlns=\"http://purl.org/rss/1.0/\" "
                "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                "<channel><title>Delta "
                "Notes</title><link>https://delta.example/</link></channel>"
                "<item><title>Ferry Fares "
                "Frozen</title><link>https://delta.example/fares</link>"
                "<dc:date>2024-04-05T06:07:08+00:00</dc:date><dc:creator>Ola "
                "Berg</dc:creator>"
                "<description>Fares stay the same this "
                "year.</description></item></rdf:RDF>");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].outlet, "Delta Notes");
  EXPECT_EQ(r.docs[0].published, "2024-04-05T06:07:08Z");
  EXPECT_EQ(r.docs[0].authors, std::vector<std::string>{"Ola Berg"});
  EXPECT_EQ(r.docs[0].text,
            "Ferry Fares Frozen\n\nFares stay the same this year.");
}

TEST(FeedReader, HostileXmlIsContained) {
  // Entities are not expanded and external ones are not fetched.
  std::string bomb =
      "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">"
      "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c "
      "\"&b;&b;&b;&b;&b;&b;&b;&b;\">"
      "<!ENTITY ext SYSTEM \"file:///etc/passwd\">]>"
      "<rss><channel><title>T</title><item><title>Bomb &c; &ext;</title>"
      "<description>Text &c; here.</description></item></channel></rss>";
  auto r = ReadBytes("bomb.rss", bomb);
  // libxml2 stops at the entity loop; whatever comes out is small.
  EXPECT_EQ(r.docs.size() + r.diagnostics.size(), 1u);
  for (const Document& d : r.docs) {
    EXPECT_LT(d.text.size(), 200u);
    EXPECT_EQ(d.text.find("root:"), std::string::npos);
  }
  std::string ext =
      "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY ext SYSTEM "
      "\"file:///etc/passwd\">]>"
      "<rss><channel><title>T</title><item><title>Ext &ext;</title>"
      "<description>Text here.</description></item></channel></rss>";
  auto e = ReadBytes("ext.rss", ext);
  ASSERT_EQ(e.docs.size(), 1u);
  EXPECT_EQ(e.docs[0].text.find("root:"), std::string::npos);
  EXPECT_EQ(e.docs[0].title, "Ext");
  auto notfeed = ReadBytes("x.xml", "<?xml version=\"1.0\"?><svg></svg>");
  ASSERT_EQ(notfeed.diagnostics.size(), 1u);
  EXPECT_NE(notfeed.diagnostics[0].message.find("not an RSS or Atom feed"),
            std::string::npos);
  auto broken = ReadBytes(
      "b.rss", "<rss><channel><item><title>Cut</title><description>Half");
  EXPECT_EQ(broken.docs.size() + broken.diagnostics.size(), 1u);
  std::string deep = "<rss><channel><item><description>";
  for (int i = 0; i < 100000; ++i) deep += "<x>";
  auto d = ReadBytes("deep.rss", deep);
  EXPECT_TRUE(d.status.ok());
}

// ---------------------------------------------------------------- paths

TEST(Reader, DirectoryIsRecursiveSortedAndSkipsHidden) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() /
                 ("hearsay_ingest_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "b" / "c");
  fs::create_directories(dir / ".hidden");
  auto write = [](const fs::path& p, std::string_view s) {
    std::ofstream(p, std::ios::binary) << s;
  };
  write(dir / "b" / "c" / "z.txt", "Zed\n\nLast body.");
  write(dir / "a.txt", "Ay\n\nFirst body.");
  write(dir / "b" / "m.jsonl",
        "{\"title\":\"Em\",\"text\":\"Middle body.\"}\n");
  write(dir / ".secret.txt", "Hidden\n\nNo.");
  write(dir / ".hidden" / "x.txt", "Hidden\n\nNo.");
  write(dir / "b" / "page",
        "<html><body><p>Sniffed page body.</p></body></html>");
  auto r = ReadFromPath(dir.string());
  fs::remove_all(dir);
  ASSERT_EQ(r.docs.size(), 4u);
  // Sorted by path: a.txt, b/c/z.txt, b/m.jsonl, b/page.
  EXPECT_EQ(r.docs[0].title, "Ay");
  EXPECT_EQ(r.docs[1].title, "Zed");
  EXPECT_EQ(r.docs[2].title, "Em");
  EXPECT_EQ(r.docs[3].text, "Sniffed page body.");
  EXPECT_TRUE(r.diagnostics.empty());
}

TEST(Reader, StdinIsSniffed) {
  namespace fs = std::filesystem;
  fs::path file = fs::temp_directory_path() /
                  ("hearsay_stdin_" + std::to_string(::getpid()) + ".gz");
  std::ofstream(file, std::ios::binary)
      << Gzip("{\"title\":\"From stdin\",\"text\":\"Piped body.\"}\n");
  int saved = ::dup(STDIN_FILENO);
  FILE* f = std::fopen(file.c_str(), "rb");
  ASSERT_NE(f, nullptr);
  ::dup2(::fileno(f), STDIN_FILENO);
  auto r = ReadFromPath("-");
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  std::fclose(f);
  fs::remove(file);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].title, "From stdin");
  EXPECT_EQ(r.docs[0].origin, "- line 1");
}

TEST(Reader, MissingPathIsADiagnostic) {
  auto r = ReadFromPath("/nonexistent/hearsay/file.txt");
  EXPECT_TRUE(r.status.ok());
  EXPECT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.skipped, 1u);
}

TEST(Reader, ExplicitFormatOverridesExtension) {
  ReadOptions o;
  o.format = InputFormat::kText;
  auto r = ReadBytes("x.html", "<p>Kept as text</p>", o);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "<p>Kept as text</p>");
}

TEST(Reader, LanguageDetectionCanBeOff) {
  ReadOptions o;
  o.detect_language = false;
  auto r = ReadBytes("x.txt", "Just some English words in a sentence here.", o);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].language, "");
  EXPECT_FALSE(r.docs[0].language_detected);
}

}  // namespace
}  // namespace hearsay::ingest

#include "ingest/util.h"

#include <gtest/gtest.h>

#include "hearsay/ingest.h"
#include "ingest/charset.h"
#include "ingest/url.h"

namespace hearsay::ingest {
namespace {

TEST(CanonicalizeUrl, LowersSchemeAndHostAndDropsFragmentAndPort) {
  EXPECT_EQ(CanonicalizeUrl("HTTPS://News.Example.COM:443/Path/A?x=1#frag"),
            "https://news.example.com/Path/A?x=1");
  EXPECT_EQ(CanonicalizeUrl("http://example.com:80"), "http://example.com/");
  EXPECT_EQ(CanonicalizeUrl("http://example.com:8080/a"),
            "http://example.com:8080/a");
  EXPECT_EQ(CanonicalizeUrl(""), "");
  EXPECT_EQ(CanonicalizeUrl("  https://a.example/b  "), "https://a.example/b");
}

TEST(CanonicalizeUrl, DropsTrackingParametersKeepsOthersInOrder) {
  EXPECT_EQ(CanonicalizeUrl(
                "https://a.example/s?utm_source=x&b=2&fbclid=z&a=1"
                "&gclid=q&mc_cid=1&mc_eid=2&igshid=3&ref_src=4&UTM_Medium=5"),
            "https://a.example/s?b=2&a=1");
  EXPECT_EQ(CanonicalizeUrl("https://a.example/s?utm_campaign=only"),
            "https://a.example/s");
  EXPECT_EQ(CanonicalizeUrl("https://a.example/s?&&k=v&"),
            "https://a.example/s?k=v");
}

TEST(CanonicalizeUrl, KeepsUserInfoAndOddInputs) {
  EXPECT_EQ(CanonicalizeUrl("https://User@Host.Example/p"),
            "https://User@host.example/p");
  EXPECT_EQ(CanonicalizeUrl("not a url#frag"), "not a url");
  EXPECT_EQ(CanonicalizeUrl("https://[::1]:443/x"), "https://[::1]/x");
}

TEST(Url, HostOutletAndResolve) {
  EXPECT_EQ(UrlHost("https://WWW.Example.org:81/x"), "www.example.org");
  EXPECT_EQ(OutletFromUrl("https://www.example.org/x"), "example.org");
  EXPECT_EQ(OutletFromUrl("garbage"), "");
  EXPECT_EQ(ResolveUrl("https://a.example/x/y", "/z"), "https://a.example/z");
  EXPECT_EQ(ResolveUrl("https://a.example/x/y", "//b.example/z"),
            "https://b.example/z");
  EXPECT_EQ(ResolveUrl("https://a.example/x", "https://c.example/"),
            "https://c.example/");
  EXPECT_EQ(ResolveUrl("", "/z"), "");
}

TEST(NormalizeDate, IsoForms) {
  EXPECT_EQ(NormalizeDate("2024-08-29T14:03:00Z"), "2024-08-29T14:03:00Z");
  EXPECT_EQ(NormalizeDate("2024-08-29T16:03:00+02:00"), "2024-08-29T14:03:00Z");
  EXPECT_EQ(NormalizeDate("2024-08-29T01:00:00.123-0300"),
            "2024-08-29T04:00:00Z");
  EXPECT_EQ(NormalizeDate("2024-01-01T00:30:00+01:00"), "2023-12-31T23:30:00Z");
  EXPECT_EQ(NormalizeDate("2024-05-16 18:30:00"), "2024-05-16T18:30:00");
  EXPECT_EQ(NormalizeDate("2024-05-16"), "2024-05-16");
  EXPECT_EQ(NormalizeDate("2024/5/6"), "2024-05-06");
}

TEST(NormalizeDate, Rfc822AndProse) {
  EXPECT_EQ(NormalizeDate("Thu, 29 Aug 2024 14:03:00 GMT"),
            "2024-08-29T14:03:00Z");
  EXPECT_EQ(NormalizeDate("Tue, 02 Apr 2024 10:30:00 +0200"),
            "2024-04-02T08:30:00Z");
  EXPECT_EQ(NormalizeDate("Mon, 4 Mar 2024 09:00 EST"), "2024-03-04T14:00:00Z");
  EXPECT_EQ(NormalizeDate("29 August 2024"), "2024-08-29");
  EXPECT_EQ(NormalizeDate("August 29, 2024 2:03 PM"), "2024-08-29T14:03:00");
}

TEST(NormalizeDate, RejectsNonDates) {
  EXPECT_EQ(NormalizeDate(""), "");
  EXPECT_EQ(NormalizeDate("not a date"), "");
  EXPECT_EQ(NormalizeDate("2024-02-30"), "");
  EXPECT_EQ(NormalizeDate("2024-13-01T00:00:00Z"), "");
  EXPECT_EQ(NormalizeDate("99999999999999999999"), "");
}

TEST(Sniff, ByExtension) {
  EXPECT_EQ(SniffFormat("a/b.txt", "<html>"), InputFormat::kText);
  EXPECT_EQ(SniffFormat("x.JSONL", ""), InputFormat::kJsonl);
  EXPECT_EQ(SniffFormat("x.ndjson", ""), InputFormat::kJsonl);
  EXPECT_EQ(SniffFormat("x.json", ""), InputFormat::kJsonl);
  EXPECT_EQ(SniffFormat("x.htm", ""), InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("x.html", ""), InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("x.warc", ""), InputFormat::kWarc);
  EXPECT_EQ(SniffFormat("x.warc.gz", "\x1f\x8b"), InputFormat::kWarc);
  EXPECT_EQ(SniffFormat("x.jsonl.gz", "\x1f\x8b"), InputFormat::kJsonl);
  EXPECT_EQ(SniffFormat("x.xml", ""), InputFormat::kFeed);
  EXPECT_EQ(SniffFormat("x.rss", ""), InputFormat::kFeed);
  EXPECT_EQ(SniffFormat("x.atom", ""), InputFormat::kFeed);
}

TEST(Sniff, ByContent) {
  EXPECT_EQ(SniffFormat("-", "WARC/1.0\r\n"), InputFormat::kWarc);
  EXPECT_EQ(SniffFormat("-", "  {\"title\":1}"), InputFormat::kJsonl);
  EXPECT_EQ(SniffFormat("-", "<!DOCTYPE html><html>"), InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("-", "<div>hi</div>"), InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("-", "<?xml version=\"1.0\"?><rss>"),
            InputFormat::kFeed);
  EXPECT_EQ(SniffFormat("-", "\xEF\xBB\xBF<feed xmlns=\"x\">"),
            InputFormat::kFeed);
  EXPECT_EQ(SniffFormat("-", "<?xml version=\"1.0\"?>\n<!DOCTYPE html><html>"),
            InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("-", "Headline\n\nBody"), InputFormat::kText);
  EXPECT_EQ(SniffFormat("-", "\x1f\x8b\x08"), InputFormat::kAuto);
}

TEST(ParseInputFormat, NamesAndErrors) {
  EXPECT_EQ(*ParseInputFormat("rss"), InputFormat::kFeed);
  EXPECT_EQ(*ParseInputFormat("atom"), InputFormat::kFeed);
  EXPECT_EQ(*ParseInputFormat("WARC"), InputFormat::kWarc);
  EXPECT_EQ(*ParseInputFormat("auto"), InputFormat::kAuto);
  EXPECT_FALSE(ParseInputFormat("pdf").ok());
  for (InputFormat f :
       {InputFormat::kAuto, InputFormat::kText, InputFormat::kJsonl,
        InputFormat::kHtml, InputFormat::kWarc, InputFormat::kFeed}) {
    EXPECT_EQ(*ParseInputFormat(InputFormatName(f)), f);
  }
}

TEST(Charset, DeclaredAndConverted) {
  EXPECT_EQ(CharsetFromContentType("text/html; charset=\"ISO-8859-1\""),
            "iso-8859-1");
  EXPECT_EQ(SniffCharset("", "<meta charset=windows-1252><p>"), "windows-1252");
  EXPECT_EQ(
      SniffCharset("",
                   "<meta http-equiv=\"Content-Type\" content=\"text/html; "
                   "charset=iso-8859-1\">"),
      "iso-8859-1");
  EXPECT_EQ(SniffCharset("text/html; charset=utf-8", "<meta charset=latin1>"),
            "utf-8");
  EXPECT_EQ(ToUtf8("caf\xe9 \x93quoted\x94 \x80", "windows-1252"),
            "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC");
  EXPECT_EQ(ToUtf8("na\xefve", "iso-8859-1"), "na\xC3\xAFve");
  // Mislabelled UTF-8 stays UTF-8.
  EXPECT_EQ(ToUtf8("caf\xC3\xA9", "iso-8859-1"), "caf\xC3\xA9");
  EXPECT_EQ(ToUtf8("bad \xff byte", ""), "bad \xEF\xBF\xBD byte");
  EXPECT_EQ(ToUtf8("\xcf\xf0\xe8", "windows-1251"), "\xD0\x9F\xD1\x80\xD0\xB8");
}

TEST(Util, WhitespaceAndLanguage) {
  EXPECT_EQ(CollapseWhitespace("  a \t\n b\xC2\xA0\xC2\xA0 c  "), "a b c");
  EXPECT_EQ(NormalizeLanguage("en-US"), "en");
  EXPECT_EQ(NormalizeLanguage("pt_BR"), "pt");
  EXPECT_EQ(NormalizeLanguage("x"), "");
  EXPECT_EQ(NormalizeLanguage("english"), "");
}

}  // namespace
}  // namespace hearsay::ingest

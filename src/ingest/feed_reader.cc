// RSS 2.0 (and 1.0) and Atom feeds: one document per item or entry.
//
// libxml2 parses with recovery, without network access, without loading
// external DTDs or substituting entities, and with its default size and
// depth limits (no XML_PARSE_HUGE), so a hostile feed cannot make it fetch,
// expand or recurse without bound.
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/html.h"
#include "ingest/reader_context.h"
#include "ingest/url.h"
#include "ingest/util.h"

namespace hearsay::ingest {
namespace {

// "Capital Wire — Latest news", "The Elling Courier | Top stories": a
// feed's title often names the section after the outlet. The outlet is the
// part before the separator when the part after it only says which feed
// this is, so that its articles and the site's pages keep one outlet.
std::string OutletFromFeedTitle(std::string_view title) {
  static constexpr std::string_view kSeparators[] = {
      " \xE2\x80\x94 ", " \xE2\x80\x93 ", " - ", " | ", " > ", ": "};
  static constexpr std::string_view kFeedWords[] = {
      "latest",   "news",       "top",        "stories", "headlines",
      "home",     "feed",       "rss",        "all",     "articles",
      "breaking", "front page", "most recent"};
  for (std::string_view sep : kSeparators) {
    const size_t at = title.find(sep);
    if (at == std::string_view::npos || at == 0) continue;
    const std::string rest = ToLower(title.substr(at + sep.size()));
    bool feed = false;
    for (std::string_view w : kFeedWords)
      feed |= rest.find(w) != std::string::npos;
    if (feed) return std::string(title.substr(0, at));
  }
  return std::string(title);
}

std::string_view Name(const xmlNode* n) {
  return n->name ? reinterpret_cast<const char*>(n->name) : "";
}

std::string_view Prefix(const xmlNode* n) {
  return n->ns && n->ns->prefix ? reinterpret_cast<const char*>(n->ns->prefix)
                                : "";
}

std::string Prop(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return "";
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

bool IsXmlBlock(std::string_view name) {
  static constexpr std::string_view kBlocks[] = {
      "p",  "div",     "br",      "li", "h1",         "h2",
      "h3", "h4",      "h5",      "h6", "blockquote", "pre",
      "tr", "section", "article", "ul", "ol",         "table"};
  for (std::string_view b : kBlocks) {
    if (EqualsIgnoreCase(name, b)) return true;
  }
  return false;
}

// The text below `node`. Inline XHTML (Atom type="xhtml") keeps its
// paragraph breaks as "\n\n"; entity references are left out, never
// expanded.
std::string RawText(const xmlNode* node) {
  std::string out;
  struct Item {
    const xmlNode* n;
    bool close;
  };
  std::vector<Item> stack;
  for (const xmlNode* c = node->last; c; c = c->prev)
    stack.push_back({c, false});
  while (!stack.empty()) {
    Item item = stack.back();
    stack.pop_back();
    const xmlNode* n = item.n;
    if (item.close) {
      out.append("\n\n");
      continue;
    }
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content) out.append(reinterpret_cast<const char*>(n->content));
    } else if (n->type == XML_ELEMENT_NODE) {
      bool block = IsXmlBlock(Name(n));
      if (block) {
        out.append("\n\n");
        stack.push_back({n, true});
      }
      for (const xmlNode* c = n->last; c; c = c->prev)
        stack.push_back({c, false});
    }
  }
  return CleanUtf8(out);
}

bool MayBeHtml(std::string_view s) {
  return s.find('<') != std::string_view::npos ||
         s.find('&') != std::string_view::npos;
}

std::string TitleText(const xmlNode* n) {
  std::string raw = RawText(n);
  if (MayBeHtml(raw)) return CollapseWhitespace(HtmlToText(raw));
  return CollapseWhitespace(raw);
}

// Body text of a content element: escaped HTML, inline XHTML or text.
std::string ContentText(const xmlNode* n, bool atom) {
  std::string raw = RawText(n);
  std::string type = atom ? ToLower(Prop(n, "type")) : "html";
  if (type == "xhtml" || (atom && type.empty() && n->children &&
                          n->children->type == XML_ELEMENT_NODE)) {
    return JoinParagraphs(raw, "\n\n");
  }
  if (type == "text") return JoinParagraphs(raw, "\n\n");
  // Atom says an untyped content is text, but feeds put escaped HTML there.
  if (atom && type.empty()) {
    return MayBeHtml(raw) ? HtmlToText(raw) : JoinParagraphs(raw, "\n\n");
  }
  return HtmlToText(raw);
}

struct FeedInfo {
  std::string title;  // the channel's: the outlet
  std::string language;
  std::string link;
};

struct XmlDocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct XmlCtxtDeleter {
  void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};

class FeedReader {
 public:
  explicit FeedReader(ReadContext& ctx) : ctx_(ctx) {}

  Status Read(std::string_view bytes) {
    static std::once_flag init;
    std::call_once(init, [] { xmlInitParser(); });
    std::unique_ptr<xmlParserCtxt, XmlCtxtDeleter> pctx(xmlNewParserCtxt());
    if (!pctx) return InternalError("libxml2 could not allocate a parser");
    int options = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                  XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
    int size = static_cast<int>(std::min<size_t>(bytes.size(), 0x7fffffff));
    std::unique_ptr<xmlDoc, XmlDocDeleter> doc(xmlCtxtReadMemory(
        pctx.get(), bytes.data(), size, nullptr, nullptr, options));
    const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (!root) return ctx_.Skip("byte 0", "not XML");
    std::string_view name = Name(root);
    if (name == "rss" || name == "RDF") return ReadRss(root);
    if (name == "feed") return ReadAtom(root);
    return ctx_.Skip("line " + std::to_string(xmlGetLineNo(root)),
                     "not an RSS or Atom feed (root element <" +
                         CleanUtf8(name.substr(0, 64)) + ">)");
  }

 private:
  Status ReadRss(const xmlNode* root) {
    FeedInfo feed;
    std::vector<const xmlNode*> items;
    auto collect = [&](const xmlNode* parent) {
      for (const xmlNode* c = parent->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        std::string_view n = Name(c);
        if (n == "item") {
          items.push_back(c);
        } else if (n == "title" && feed.title.empty()) {
          feed.title = TitleText(c);
        } else if (n == "language" && feed.language.empty()) {
          feed.language = NormalizeLanguage(RawText(c));
        } else if (n == "link" && feed.link.empty() && Prefix(c).empty()) {
          feed.link = CollapseWhitespace(RawText(c));
        }
      }
    };
    for (const xmlNode* c = root->children; c; c = c->next) {
      if (c->type == XML_ELEMENT_NODE && Name(c) == "channel") collect(c);
    }
    collect(root);  // RSS 1.0 puts items beside the channel
    if (items.empty()) return ctx_.Skip("byte 0", "feed has no items");
    for (size_t i = 0; i < items.size(); ++i) {
      HEARSAY_RETURN_IF_ERROR(ReadItem(items[i], i + 1, feed, /*atom=*/false));
    }
    return Status::Ok();
  }

  Status ReadAtom(const xmlNode* root) {
    FeedInfo feed;
    feed.language = NormalizeLanguage(Prop(root, "lang"));
    std::vector<const xmlNode*> entries;
    for (const xmlNode* c = root->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      std::string_view n = Name(c);
      if (n == "entry") {
        entries.push_back(c);
      } else if (n == "title" && feed.title.empty()) {
        feed.title = TitleText(c);
      } else if (n == "link" && feed.link.empty()) {
        feed.link = Prop(c, "href");
      }
    }
    if (entries.empty()) return ctx_.Skip("byte 0", "feed has no entries");
    for (size_t i = 0; i < entries.size(); ++i) {
      HEARSAY_RETURN_IF_ERROR(ReadItem(entries[i], i + 1, feed, /*atom=*/true));
    }
    return Status::Ok();
  }

  Status ReadItem(const xmlNode* item, size_t index, const FeedInfo& feed,
                  bool atom) {
    std::string location = "item " + std::to_string(index) + " (line " +
                           std::to_string(xmlGetLineNo(item)) + ")";
    std::string title, link, guid, date, content, summary, language;
    PublishedFrom from = PublishedFrom::kNone;
    std::vector<std::string> authors;
    std::string updated;
    for (const xmlNode* c = item->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      std::string_view n = Name(c);
      std::string_view prefix = Prefix(c);
      if (n == "title" && title.empty()) {
        title = TitleText(c);
      } else if (n == "link") {
        std::string rel = Prop(c, "rel");
        std::string href =
            atom ? Prop(c, "href") : CollapseWhitespace(RawText(c));
        if (href.empty() && atom) href = CollapseWhitespace(RawText(c));
        if (link.empty() && (rel.empty() || rel == "alternate")) link = href;
      } else if ((n == "guid" || n == "id") && guid.empty()) {
        guid = CollapseWhitespace(RawText(c));
      } else if (n == "pubDate" || n == "published" ||
                 (n == "date" && prefix == "dc")) {
        if (date.empty()) date = CollapseWhitespace(RawText(c));
      } else if (n == "updated" || n == "modified") {
        if (updated.empty()) updated = CollapseWhitespace(RawText(c));
      } else if (n == "author" || n == "creator") {
        if (atom) {
          for (const xmlNode* a = c->children; a; a = a->next) {
            if (a->type == XML_ELEMENT_NODE && Name(a) == "name") {
              AddAuthor(authors, RawText(a));
            }
          }
        } else {
          // RSS author is "email (Name)"; keep the name when there is one.
          std::string who = CollapseWhitespace(RawText(c));
          size_t open = who.find('(');
          size_t close = who.rfind(')');
          if (open != std::string::npos && close != std::string::npos &&
              close > open) {
            who = who.substr(open + 1, close - open - 1);
          }
          AddAuthor(authors, who);
        }
      } else if ((n == "encoded" && prefix == "content") ||
                 (atom && n == "content")) {
        if (content.empty()) content = ContentText(c, atom);
      } else if (n == "description" || n == "summary") {
        if (summary.empty()) summary = ContentText(c, atom);
      } else if (n == "language" && language.empty()) {
        language = NormalizeLanguage(RawText(c));
      }
    }
    if (date.empty()) date = updated;
    std::string body = !content.empty() ? content : summary;
    if (body.empty()) return ctx_.Skip(location, "no text");
    Document doc;
    SetTitleAndBody(doc, title, body);
    if (link.empty() && guid.find("://") != std::string::npos) link = guid;
    doc.url = link;
    doc.id = guid;
    doc.outlet = feed.title.empty()
                     ? OutletFromUrl(link.empty() ? feed.link : link)
                     : OutletFromFeedTitle(feed.title);
    if (!date.empty()) {
      doc.published = NormalizeDateOrKeep(date);
      from = PublishedFrom::kFeed;
    }
    doc.published_from = from;
    doc.authors = std::move(authors);
    doc.language =
        !language.empty() ? language : NormalizeLanguage(Prop(item, "lang"));
    if (doc.language.empty()) doc.language = feed.language;
    doc.origin = ctx_.file + " " + location;
    return ctx_.Emit(std::move(doc), location);
  }

  ReadContext& ctx_;
};

}  // namespace

Status ReadFeedInput(StreamBuffer& in, ReadContext& ctx) {
  Result<std::string> all = ReadAll(in, ctx.max_bytes());
  if (!all.ok()) return ctx.Skip("byte 0", all.status().message());
  return FeedReader(ctx).Read(*all);
}

}  // namespace hearsay::ingest

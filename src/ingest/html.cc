#include "ingest/html.h"

#include <gumbo.h>
#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <utility>

#include "ingest/charset.h"
#include "ingest/url.h"
#include "ingest/util.h"

namespace hearsay::ingest {
namespace {

// ---------------------------------------------------------------------------
// Nesting guard

bool IsTagChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '_';
}

// Elements that do not deepen the tree: void ones, and those whose end tag
// is optional, which the parser closes when a sibling opens.
bool IsFlatTag(std::string_view name) {
  static constexpr std::array<std::string_view, 34> kFlat = {
      "area",  "base", "br",    "col",   "embed",  "hr",       "img",
      "input", "link", "meta",  "param", "source", "track",    "wbr",
      "p",     "li",   "dt",    "dd",    "option", "optgroup", "tr",
      "td",    "th",   "tbody", "thead", "tfoot",  "colgroup", "rb",
      "rt",    "rtc",  "rp",    "html",  "head",   "body",
  };
  for (std::string_view f : kFlat) {
    if (EqualsIgnoreCase(name, f)) return true;
  }
  return false;
}

bool IsRawTextTag(std::string_view name) {
  static constexpr std::array<std::string_view, 7> kRaw = {
      "script", "style", "textarea", "title", "xmp", "noembed", "noframes"};
  for (std::string_view r : kRaw) {
    if (EqualsIgnoreCase(name, r)) return true;
  }
  return false;
}

// One pass over the markup. With `out` null it only reports whether the
// limit is exceeded; otherwise it writes the flattened markup.
bool ScanNesting(std::string_view html, std::string* out) {
  int depth = 0;
  int64_t dropped = 0;
  size_t i = 0;
  size_t copied = 0;  // html[copied, i) is yet to be written to out
  auto drop = [&](size_t begin, size_t end) {
    if (out) {
      out->append(html.substr(copied, begin - copied));
      copied = end;
    }
  };
  while (i < html.size()) {
    size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) break;
    i = lt + 1;
    if (html.substr(lt, 4) == "<!--") {
      size_t end = html.find("-->", lt + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    bool closing = i < html.size() && html[i] == '/';
    size_t name_begin = closing ? i + 1 : i;
    size_t name_end = name_begin;
    while (name_end < html.size() && IsTagChar(html[name_end])) ++name_end;
    if (name_end == name_begin) continue;
    std::string_view name = html.substr(name_begin, name_end - name_begin);
    size_t gt = html.find('>', name_end);
    size_t tag_end = gt == std::string_view::npos ? html.size() : gt + 1;
    i = tag_end;
    if (IsFlatTag(name)) continue;
    if (closing) {
      if (dropped > 0) {
        --dropped;
        if (!out) return true;
        drop(lt, tag_end);
      } else if (depth > 0) {
        --depth;
      }
      continue;
    }
    bool self_closing = tag_end >= 2 && html[tag_end - 2] == '/';
    if (IsRawTextTag(name)) {
      // Their content is text, not markup.
      std::string close = "</" + std::string(name);
      size_t end = FindIgnoreCase(html, close, tag_end);
      i = end == std::string_view::npos ? html.size() : end;
      continue;
    }
    if (self_closing) continue;
    if (depth >= kMaxHtmlDepth) {
      ++dropped;
      if (!out) return true;
      drop(lt, tag_end);
    } else {
      ++depth;
    }
  }
  if (out) out->append(html.substr(copied));
  return false;
}

// ---------------------------------------------------------------------------
// Gumbo helpers

struct GumboDeleter {
  void operator()(GumboOutput* o) const {
    if (o) gumbo_destroy_output(&kGumboDefaultOptions, o);
  }
};
using GumboPtr = std::unique_ptr<GumboOutput, GumboDeleter>;

GumboPtr Parse(std::string_view html) {
  GumboOptions options = kGumboDefaultOptions;
  // Each recorded parse error copies the stack of open elements, which is
  // quadratic on deep input; hearsay never looks at them.
  options.max_errors = 0;
  return GumboPtr(gumbo_parse_with_options(&options, html.data(), html.size()));
}

bool IsElement(const GumboNode* n) {
  return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE;
}

std::string_view Attr(const GumboNode* n, const char* name) {
  if (!IsElement(n)) return {};
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

const GumboVector& Children(const GumboNode* n) {
  return n->v.element.children;  // element and template share the layout
}

// The text under `n`, whitespace collapsed, without script and style.
std::string NodeText(const GumboNode* root) {
  std::string raw;
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
        n->type == GUMBO_NODE_WHITESPACE) {
      raw.append(n->v.text.text);
      continue;
    }
    if (!IsElement(n)) continue;
    GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) continue;
    if (tag == GUMBO_TAG_BR) raw.push_back(' ');
    const GumboVector& c = Children(n);
    for (unsigned i = c.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(c.data[i - 1]));
    }
    if (tag != GUMBO_TAG_A && tag != GUMBO_TAG_SPAN && tag != GUMBO_TAG_B &&
        tag != GUMBO_TAG_I && tag != GUMBO_TAG_EM && tag != GUMBO_TAG_STRONG) {
      raw.push_back(' ');
    }
  }
  return CollapseWhitespace(raw);
}

// ---------------------------------------------------------------------------
// Boilerplate

bool IsBoilerplateTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

bool IsBoilerplateWord(std::string_view w) {
  static constexpr std::array<std::string_view, 46> kWords = {
      "nav",           "navbar",         "navigation",
      "menu",          "share",          "sharing",
      "sharebar",      "social",         "comment",
      "comments",      "footer",         "related",
      "promo",         "promotion",      "ad",
      "ads",           "advert",         "advertising",
      "advertisement", "adsbygoogle",    "sponsor",
      "sponsored",     "newsletter",     "cookie",
      "cookies",       "subscribe",      "subscription",
      "signup",        "sidebar",        "breadcrumb",
      "breadcrumbs",   "popup",          "modal",
      "outbrain",      "taboola",        "recommended",
      "recirculation", "masthead",       "toolbar",
      "disqus",        "banner",         "consent",
      "gdpr",          "paywall-prompt", "trending",
      "widget",
  };
  for (std::string_view k : kWords) {
    if (EqualsIgnoreCase(w, k)) return true;
  }
  return false;
}

bool HasBoilerplateWord(std::string_view value) {
  size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && !IsTagChar(value[i])) ++i;
    size_t b = i;
    while (i < value.size() && ((value[i] >= 'a' && value[i] <= 'z') ||
                                (value[i] >= 'A' && value[i] <= 'Z') ||
                                (value[i] >= '0' && value[i] <= '9'))) {
      ++i;
    }
    if (i > b && IsBoilerplateWord(value.substr(b, i - b))) return true;
    if (i == b) ++i;
  }
  return false;
}

bool IsBoilerplate(const GumboNode* n) {
  if (!IsElement(n)) return false;
  if (IsBoilerplateTag(n->v.element.tag)) return true;
  std::string_view role = Attr(n, "role");
  if (EqualsIgnoreCase(role, "navigation") ||
      EqualsIgnoreCase(role, "complementary") ||
      EqualsIgnoreCase(role, "contentinfo") ||
      EqualsIgnoreCase(role, "banner") || EqualsIgnoreCase(role, "dialog")) {
    return true;
  }
  if (EqualsIgnoreCase(Attr(n, "aria-hidden"), "true")) return true;
  if (gumbo_get_attribute(&n->v.element.attributes, "hidden")) return true;
  // Class and id words are only hints; on the elements that hold the whole
  // page or the article itself ("article ad-free", "has-sidebar") they
  // would throw the story away.
  GumboTag tag = n->v.element.tag;
  if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY ||
      tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN ||
      EqualsIgnoreCase(Attr(n, "itemprop"), "articleBody")) {
    return false;
  }
  return HasBoilerplateWord(Attr(n, "class")) ||
         HasBoilerplateWord(Attr(n, "id"));
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
      return true;
    default:
      return false;
  }
}

bool IsJunkParagraph(std::string_view p) {
  return EqualsIgnoreCase(p, "advertisement") ||
         EqualsIgnoreCase(p, "story continues below advertisement") ||
         EqualsIgnoreCase(p, "continue reading") ||
         EqualsIgnoreCase(p, "read more") ||
         EqualsIgnoreCase(p, "skip to content");
}

// Paragraph text under `root`, leaving out boilerplate below it (the root
// itself is kept: it was chosen as the article).
std::vector<std::string> RenderParagraphs(const GumboNode* root,
                                          bool skip_boilerplate) {
  std::vector<std::string> paragraphs;
  std::string current;
  auto flush = [&]() {
    std::string p = CollapseWhitespace(current);
    current.clear();
    if (!p.empty() && !IsJunkParagraph(p)) paragraphs.push_back(std::move(p));
  };
  // A null entry marks the end of a block element.
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n == nullptr) {
      flush();
      continue;
    }
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
        n->type == GUMBO_NODE_WHITESPACE) {
      current.append(n->v.text.text);
      continue;
    }
    if (!IsElement(n)) continue;
    GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE ||
        tag == GUMBO_TAG_NOSCRIPT || tag == GUMBO_TAG_TEMPLATE ||
        tag == GUMBO_TAG_HEAD) {
      continue;
    }
    if (n != root && skip_boilerplate && IsBoilerplate(n)) continue;
    bool block = IsBlock(tag);
    if (block) {
      flush();
      stack.push_back(nullptr);
    } else if (tag == GUMBO_TAG_IMG) {
      continue;
    }
    const GumboVector& c = Children(n);
    for (unsigned i = c.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(c.data[i - 1]));
    }
  }
  flush();
  return paragraphs;
}

std::string JoinRendered(const std::vector<std::string>& paragraphs,
                         std::string_view drop_first_if) {
  std::string body;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    if (i == 0 && !drop_first_if.empty() && paragraphs[i] == drop_first_if) {
      continue;
    }
    if (!body.empty()) body.append("\n\n");
    body.append(paragraphs[i]);
  }
  return body;
}

// ---------------------------------------------------------------------------
// The page walk

struct NodeInfo {
  const GumboNode* node;
  int parent;              // index into the walk, -1 for the root
  bool boilerplate;        // this node or an ancestor is boilerplate
  size_t own_text = 0;     // text bytes directly in this <p>-like element
  size_t para_text = 0;    // paragraph text in the subtree, boilerplate out
  size_t direct_para = 0;  // paragraph text in child paragraphs
  size_t grand_para = 0;   // paragraph text in grandchild paragraphs
};

bool IsParagraphTag(GumboTag tag) {
  return tag == GUMBO_TAG_P || tag == GUMBO_TAG_BLOCKQUOTE ||
         tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3;
}

struct Meta {
  std::map<std::string, std::string> values;  // lower-cased key, first value
  std::vector<std::string> authors;
  void Add(std::string_view key, std::string_view value) {
    value = Trim(value);
    if (key.empty() || value.empty()) return;
    std::string k = ToLower(key);
    if (k == "author" || k == "article:author" || k == "dc.creator" ||
        k == "parsely-author" || k == "sailthru.author") {
      AddAuthor(authors, value);
    }
    values.emplace(std::move(k), std::string(value));
  }
  std::string_view Get(std::string_view key) const {
    auto it = values.find(std::string(key));
    return it == values.end() ? std::string_view() : it->second;
  }
};

struct PageScan {
  Meta meta;
  std::string html_lang;
  std::string title_tag;
  std::string h1;
  std::string canonical;
  std::string time_datetime;
  std::vector<std::string> json_ld;
  std::vector<NodeInfo> nodes;
};

void ScanPage(const GumboNode* root, PageScan& scan) {
  struct Item {
    const GumboNode* node;
    int parent;
    bool boilerplate;
  };
  std::vector<Item> stack = {{root, -1, false}};
  while (!stack.empty()) {
    Item item = stack.back();
    stack.pop_back();
    const GumboNode* n = item.node;
    if (!IsElement(n)) continue;
    GumboTag tag = n->v.element.tag;
    int index = static_cast<int>(scan.nodes.size());
    bool boilerplate = item.boilerplate || IsBoilerplate(n);
    scan.nodes.push_back({n, item.parent, boilerplate});
    switch (tag) {
      case GUMBO_TAG_HTML:
        if (scan.html_lang.empty())
          scan.html_lang = std::string(Attr(n, "lang"));
        if (scan.html_lang.empty()) {
          scan.html_lang = std::string(Attr(n, "xml:lang"));
        }
        break;
      case GUMBO_TAG_TITLE:
        if (scan.title_tag.empty()) scan.title_tag = NodeText(n);
        break;
      case GUMBO_TAG_META: {
        std::string_view content = Attr(n, "content");
        scan.meta.Add(Attr(n, "property"), content);
        scan.meta.Add(Attr(n, "name"), content);
        scan.meta.Add(Attr(n, "itemprop"), content);
        std::string_view equiv = Attr(n, "http-equiv");
        if (!equiv.empty())
          scan.meta.Add("http-equiv:" + ToLower(equiv), content);
        break;
      }
      case GUMBO_TAG_LINK: {
        std::string_view rel = Attr(n, "rel");
        if (EqualsIgnoreCase(Trim(rel), "canonical") &&
            scan.canonical.empty()) {
          scan.canonical = std::string(Trim(Attr(n, "href")));
        }
        break;
      }
      case GUMBO_TAG_SCRIPT: {
        std::string_view type = Trim(Attr(n, "type"));
        if (StartsWithIgnoreCase(type, "application/ld+json")) {
          std::string text;
          const GumboVector& c = Children(n);
          for (unsigned i = 0; i < c.length; ++i) {
            const GumboNode* t = static_cast<const GumboNode*>(c.data[i]);
            if (t->type == GUMBO_NODE_TEXT ||
                t->type == GUMBO_NODE_WHITESPACE ||
                t->type == GUMBO_NODE_CDATA) {
              text.append(t->v.text.text);
            }
          }
          if (scan.json_ld.size() < 16) scan.json_ld.push_back(std::move(text));
        }
        continue;  // nothing below a script is markup
      }
      case GUMBO_TAG_H1:
        if (scan.h1.empty() && !boilerplate) scan.h1 = NodeText(n);
        break;
      case GUMBO_TAG_TIME:
        // A <time> in a sidebar dates some other story.
        if (scan.time_datetime.empty() && !boilerplate) {
          scan.time_datetime = std::string(Trim(Attr(n, "datetime")));
        }
        break;
      default:
        break;
    }
    std::string_view itemprop = Attr(n, "itemprop");
    if (EqualsIgnoreCase(itemprop, "datePublished") && tag != GUMBO_TAG_META) {
      std::string_view v = Attr(n, "datetime");
      if (v.empty()) v = Attr(n, "content");
      if (!v.empty()) scan.meta.Add("itemprop:datepublished", v);
    }
    if (IsParagraphTag(tag) && !boilerplate) {
      scan.nodes.back().own_text = NodeText(n).size();
    }
    const GumboVector& c = Children(n);
    for (unsigned i = c.length; i > 0; --i) {
      stack.push_back(
          {static_cast<const GumboNode*>(c.data[i - 1]), index, boilerplate});
    }
  }
  // Children come after parents in the walk, so one backward pass sums.
  for (size_t i = scan.nodes.size(); i > 0; --i) {
    NodeInfo& info = scan.nodes[i - 1];
    if (info.boilerplate) continue;
    info.para_text += info.own_text;
    if (info.parent >= 0) {
      NodeInfo& parent = scan.nodes[info.parent];
      parent.para_text += info.para_text;
      parent.direct_para += info.own_text;
      if (parent.parent >= 0)
        scan.nodes[parent.parent].grand_para += info.own_text;
    }
  }
}

// The element holding the article text.
const GumboNode* ChooseMainNode(const PageScan& scan) {
  const NodeInfo* densest = nullptr;
  double densest_score = 0;
  const NodeInfo* article_body = nullptr;
  const NodeInfo* article = nullptr;
  const NodeInfo* main = nullptr;
  for (const NodeInfo& info : scan.nodes) {
    if (info.boilerplate) continue;
    double score =
        static_cast<double>(info.direct_para) + 0.5 * info.grand_para;
    if (score > densest_score) {
      densest_score = score;
      densest = &info;
    }
    const GumboNode* n = info.node;
    if (EqualsIgnoreCase(Attr(n, "itemprop"), "articleBody")) {
      if (!article_body || info.para_text > article_body->para_text) {
        article_body = &info;
      }
    }
    if (n->v.element.tag == GUMBO_TAG_ARTICLE) {
      if (!article || info.para_text > article->para_text) article = &info;
    }
    if (n->v.element.tag == GUMBO_TAG_MAIN ||
        EqualsIgnoreCase(Attr(n, "role"), "main")) {
      if (!main || info.para_text > main->para_text) main = &info;
    }
  }
  size_t best_direct = densest ? densest->direct_para : 0;
  for (const NodeInfo* preferred : {article_body, article, main}) {
    if (preferred == nullptr) continue;
    // A teaser <article> in a list of links is not the story.
    if (preferred->para_text * 2 >= best_direct) return preferred->node;
  }
  return densest ? densest->node : nullptr;
}

// ---------------------------------------------------------------------------
// JSON-LD

struct JsonLdInfo {
  std::string headline;
  std::string date_published;
  std::vector<std::string> authors;
  std::string publisher;
  std::string language;
  std::string body;
  std::string url;
};

bool IsArticleType(std::string_view t) {
  auto ends_with = [&](std::string_view s) {
    return t.size() >= s.size() && t.substr(t.size() - s.size()) == s;
  };
  return ends_with("Article") || ends_with("BlogPosting") || t == "Report" ||
         t == "LiveBlogPosting";
}

bool HasArticleType(simdjson::dom::element type) {
  std::string_view s;
  if (type.get_string().get(s) == simdjson::SUCCESS) return IsArticleType(s);
  simdjson::dom::array a;
  if (type.get_array().get(a) == simdjson::SUCCESS) {
    for (simdjson::dom::element e : a) {
      if (e.get_string().get(s) == simdjson::SUCCESS && IsArticleType(s)) {
        return true;
      }
    }
  }
  return false;
}

std::string_view StringField(simdjson::dom::object o, std::string_view key) {
  std::string_view s;
  if (o[key].get_string().get(s) == simdjson::SUCCESS) return s;
  return {};
}

// A name from a string, an object with "name", or the first of an array.
void CollectNames(simdjson::dom::element e, std::vector<std::string>& out) {
  std::string_view s;
  if (e.get_string().get(s) == simdjson::SUCCESS) {
    AddAuthor(out, s);
    return;
  }
  simdjson::dom::object o;
  if (e.get_object().get(o) == simdjson::SUCCESS) {
    std::string_view name = StringField(o, "name");
    if (!name.empty()) AddAuthor(out, name);
    return;
  }
  simdjson::dom::array a;
  if (e.get_array().get(a) == simdjson::SUCCESS) {
    for (simdjson::dom::element item : a) {
      if (item.get_string().get(s) == simdjson::SUCCESS) {
        AddAuthor(out, s);
      } else if (item.get_object().get(o) == simdjson::SUCCESS) {
        std::string_view name = StringField(o, "name");
        if (!name.empty()) AddAuthor(out, name);
      }
    }
  }
}

void ReadArticleObject(simdjson::dom::object o, JsonLdInfo& info) {
  if (info.headline.empty())
    info.headline = std::string(StringField(o, "headline"));
  if (info.headline.empty())
    info.headline = std::string(StringField(o, "name"));
  if (info.date_published.empty()) {
    info.date_published = std::string(StringField(o, "datePublished"));
  }
  simdjson::dom::element e;
  if (info.authors.empty() && o["author"].get(e) == simdjson::SUCCESS) {
    CollectNames(e, info.authors);
  }
  if (info.publisher.empty() && o["publisher"].get(e) == simdjson::SUCCESS) {
    std::vector<std::string> names;
    CollectNames(e, names);
    if (!names.empty()) info.publisher = names.front();
  }
  if (info.language.empty())
    info.language = std::string(StringField(o, "inLanguage"));
  if (info.body.empty()) info.body = std::string(StringField(o, "articleBody"));
  if (info.url.empty()) info.url = std::string(StringField(o, "url"));
}

void ParseJsonLd(const std::vector<std::string>& scripts, JsonLdInfo& info) {
  simdjson::dom::parser parser;
  for (const std::string& script : scripts) {
    simdjson::dom::element root;
    if (parser.parse(script.data(), script.size()).get(root) !=
        simdjson::SUCCESS) {
      continue;
    }
    std::string publisher_org;
    std::vector<simdjson::dom::element> stack = {root};
    size_t visited = 0;
    while (!stack.empty() && ++visited < 10000) {
      simdjson::dom::element e = stack.back();
      stack.pop_back();
      simdjson::dom::array a;
      if (e.get_array().get(a) == simdjson::SUCCESS) {
        for (size_t i = a.size(); i > 0; --i) {
          simdjson::dom::element item;
          if (a.at(i - 1).get(item) == simdjson::SUCCESS) stack.push_back(item);
        }
        continue;
      }
      simdjson::dom::object o;
      if (e.get_object().get(o) != simdjson::SUCCESS) continue;
      simdjson::dom::element type;
      if (o["@type"].get(type) == simdjson::SUCCESS) {
        if (HasArticleType(type)) {
          ReadArticleObject(o, info);
        } else {
          std::string_view t;
          if (type.get_string().get(t) == simdjson::SUCCESS &&
              (t == "NewsMediaOrganization" || t == "Organization") &&
              publisher_org.empty()) {
            publisher_org = std::string(StringField(o, "name"));
          }
        }
      }
      simdjson::dom::element graph;
      if (o["@graph"].get(graph) == simdjson::SUCCESS) stack.push_back(graph);
    }
    if (info.publisher.empty()) info.publisher = publisher_org;
  }
}

// ---------------------------------------------------------------------------
// Titles

std::string StripSiteSuffix(std::string title, std::string_view outlet,
                            std::string_view host) {
  static constexpr std::array<std::string_view, 6> kSeparators = {
      " | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " :: ", " \xC2\xB7 "};
  for (std::string_view sep : kSeparators) {
    size_t at = title.rfind(sep);
    if (at == std::string::npos || at == 0) continue;
    std::string_view prefix = std::string_view(title).substr(0, at);
    std::string_view suffix =
        Trim(std::string_view(title).substr(at + sep.size()));
    std::string lower_suffix = ToLower(suffix);
    bool names_site = (!outlet.empty() && (EqualsIgnoreCase(suffix, outlet) ||
                                           lower_suffix.find(ToLower(outlet)) !=
                                               std::string::npos)) ||
                      (!host.empty() && lower_suffix.size() >= 3 &&
                       (host.find(lower_suffix) != std::string::npos ||
                        lower_suffix.find(host) != std::string::npos));
    size_t suffix_words = std::count(suffix.begin(), suffix.end(), ' ') + 1;
    bool looks_like_site =
        (sep == " | " || sep == " :: " || sep == " \xC2\xB7 ") &&
        suffix_words <= 4 && prefix.size() >= 2 * suffix.size();
    if (names_site || looks_like_site) {
      return StripSiteSuffix(std::string(Trim(prefix)), outlet, host);
    }
  }
  return title;
}

}  // namespace

std::string_view LimitNesting(std::string_view html, std::string& storage) {
  if (!ScanNesting(html, nullptr)) return html;
  storage.clear();
  storage.reserve(html.size());
  ScanNesting(html, &storage);
  return storage;
}

HtmlPage ExtractHtml(std::string_view bytes, const HtmlHints& hints) {
  HtmlPage page;
  std::string utf8 = ToUtf8(bytes, SniffCharset(hints.content_type, bytes));
  std::string flattened;
  std::string_view html = LimitNesting(utf8, flattened);
  GumboPtr output = Parse(html);
  if (!output) return page;

  PageScan scan;
  ScanPage(output->root, scan);
  JsonLdInfo ld;
  ParseJsonLd(scan.json_ld, ld);
  const Meta& meta = scan.meta;

  // URL: the page's own word for itself, then where it was fetched.
  std::string url = ResolveUrl(hints.url, scan.canonical);
  if (url.empty()) url = std::string(Trim(meta.Get("og:url")));
  if (url.find("://") == std::string::npos) url.clear();
  if (url.empty()) url = std::string(Trim(hints.url));
  page.url = url;

  page.outlet = CollapseWhitespace(meta.Get("og:site_name"));
  if (page.outlet.empty()) page.outlet = CollapseWhitespace(ld.publisher);
  if (page.outlet.empty())
    page.outlet = CollapseWhitespace(meta.Get("application-name"));
  if (page.outlet.empty()) page.outlet = OutletFromUrl(page.url);

  std::string host = OutletFromUrl(page.url);
  std::string title = CollapseWhitespace(meta.Get("og:title"));
  if (title.empty()) title = CollapseWhitespace(meta.Get("twitter:title"));
  if (title.empty()) title = CollapseWhitespace(ld.headline);
  if (title.empty()) title = scan.h1;
  if (title.empty()) title = scan.title_tag;
  page.title = StripSiteSuffix(title, page.outlet, host);

  struct DateSource {
    std::string_view value;
    PublishedFrom from;
  };
  const DateSource dates[] = {
      {meta.Get("article:published_time"), PublishedFrom::kMeta},
      {meta.Get("og:published_time"), PublishedFrom::kMeta},
      {meta.Get("datepublished"), PublishedFrom::kMeta},
      {ld.date_published, PublishedFrom::kJsonLd},
      {meta.Get("itemprop:datepublished"), PublishedFrom::kMeta},
      {meta.Get("pubdate"), PublishedFrom::kMeta},
      {meta.Get("publishdate"), PublishedFrom::kMeta},
      {meta.Get("parsely-pub-date"), PublishedFrom::kMeta},
      {meta.Get("sailthru.date"), PublishedFrom::kMeta},
      {meta.Get("dc.date.issued"), PublishedFrom::kMeta},
      {meta.Get("dc.date"), PublishedFrom::kMeta},
      {meta.Get("date"), PublishedFrom::kMeta},
      {scan.time_datetime, PublishedFrom::kMeta},
  };
  for (const DateSource& d : dates) {
    std::string_view v = Trim(d.value);
    if (v.empty()) continue;
    std::string normal = NormalizeDate(v);
    if (!normal.empty()) {
      page.published = normal;
      page.published_from = d.from;
      break;
    }
    if (page.published.empty()) {  // kept as written when nothing parses
      page.published = CollapseWhitespace(v);
      page.published_from = d.from;
    }
  }

  page.authors = meta.authors;
  for (const std::string& a : ld.authors) AddAuthor(page.authors, a);

  page.language = NormalizeLanguage(scan.html_lang);
  if (page.language.empty()) {
    page.language = NormalizeLanguage(meta.Get("http-equiv:content-language"));
  }
  if (page.language.empty())
    page.language = NormalizeLanguage(meta.Get("og:locale"));
  if (page.language.empty()) page.language = NormalizeLanguage(ld.language);

  const GumboNode* main = ChooseMainNode(scan);
  std::vector<std::string> paragraphs;
  if (main) paragraphs = RenderParagraphs(main, true);
  if (paragraphs.empty() && !ld.body.empty()) {
    paragraphs.push_back(CollapseWhitespace(ld.body));
  }
  if (paragraphs.empty()) {
    // No paragraphs anywhere: take what text the body has.
    for (const NodeInfo& info : scan.nodes) {
      if (info.node->v.element.tag == GUMBO_TAG_BODY) {
        paragraphs = RenderParagraphs(info.node, true);
        break;
      }
    }
  }
  page.body = JoinRendered(paragraphs, page.title);
  return page;
}

std::string HtmlToText(std::string_view html) {
  std::string flattened;
  std::string_view limited = LimitNesting(html, flattened);
  GumboPtr output = Parse(limited);
  if (!output) return "";
  return JoinRendered(RenderParagraphs(output->root, false), "");
}

}  // namespace hearsay::ingest

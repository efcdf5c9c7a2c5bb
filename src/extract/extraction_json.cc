#include "extract/extraction_json.h"

#include <simdjson.h>

#include <charconv>
#include <cstdint>
#include <string>

#include "core/civil_date.h"
#include "core/hash.h"
#include "core/json_writer.h"

namespace hearsay {
namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

std::string Id(char prefix, int index) {
  return std::string(1, prefix) + std::to_string(index + 1);
}

// "2026-04-07" and nothing after it.
bool IsIsoDate(std::string_view s) {
  int64_t days = 0;
  return s.size() == 10 && ParseIsoDate(s, &days);
}

void WriteRef(JsonWriter& w, char prefix, int index) {
  if (index < 0) {
    w.Null();
  } else {
    w.String(Id(prefix, index));
  }
}

void WriteSpans(JsonWriter& w, const std::vector<Span>& spans) {
  w.BeginArray();
  for (const Span& s : spans) w.Span(s.begin, s.end);
  w.EndArray();
}

void WriteStrings(JsonWriter& w, const std::vector<std::string>& v) {
  w.BeginArray();
  for (const std::string& s : v) w.String(s);
  w.EndArray();
}

void WriteDocument(JsonWriter& w, const Document& d) {
  w.BeginObject();
  w.Key("id");
  w.String(d.id);
  w.Key("url");
  w.String(d.url);
  w.Key("outlet");
  w.String(d.outlet);
  w.Key("published");
  w.StringOrNull(d.published);
  w.Key("published_from");
  w.String(PublishedFromName(d.published_from));
  w.Key("authors");
  WriteStrings(w, d.authors);
  w.Key("language");
  w.String(d.language);
  w.Key("title");
  w.String(d.title);
  w.Key("body_begin");
  w.Uint(d.body_begin);
  if (!d.text.empty()) {
    w.Key("content_hash");
    w.String(HashHex(d.content_hash));
    w.Key("text");
    w.String(d.text);
  }
  w.EndObject();
}

}  // namespace

Result<PublishedFrom> ParsePublishedFrom(std::string_view name) {
  for (PublishedFrom f :
       {PublishedFrom::kNone, PublishedFrom::kMeta, PublishedFrom::kJsonLd,
        PublishedFrom::kFeed, PublishedFrom::kWarcDate}) {
    if (PublishedFromName(f) == name) return f;
  }
  return InvalidArgumentError("unknown published_from \"" +
                              std::string(name.substr(0, 40)) + "\"");
}

void WriteExtractionJson(const Extraction& x, std::string& out) {
  JsonWriter w(&out);
  const std::string& text = x.document.text;
  w.BeginObject();
  w.Key("schema");
  w.String(kExtractSchema);
  w.Key("models");
  w.String(x.models_version);
  w.Key("lexicons");
  w.String(x.lexicons_version);
  w.Key("document");
  WriteDocument(w, x.document);

  w.Key("entities");
  w.BeginArray();
  for (size_t i = 0; i < x.entities.size(); ++i) {
    const Entity& e = x.entities[i];
    w.BeginObject();
    w.Key("id");
    w.String(Id('E', static_cast<int>(i)));
    w.Key("name");
    w.String(e.name);
    w.Key("type");
    w.String(EntityTypeName(e.type));
    w.Key("aliases");
    WriteStrings(w, e.aliases);
    w.Key("roles");
    WriteStrings(w, e.roles);
    w.Key("mentions");
    WriteSpans(w, e.mentions);
    w.EndObject();
  }
  w.EndArray();

  w.Key("statements");
  w.BeginArray();
  for (size_t i = 0; i < x.statements.size(); ++i) {
    const Statement& s = x.statements[i];
    w.BeginObject();
    w.Key("id");
    w.String(Id('S', static_cast<int>(i)));
    w.Key("speaker");
    w.BeginObject();
    w.Key("entity");
    WriteRef(w, 'E', s.speaker.entity);
    w.Key("entities");
    w.BeginArray();
    for (int e : s.speaker.entities) WriteRef(w, 'E', e);
    w.EndArray();
    w.Key("name");
    w.String(s.speaker.name);
    w.Key("anonymous");
    w.Bool(s.speaker.anonymous);
    w.Key("count");
    if (s.speaker.count < 0) {
      w.Null();
    } else {
      w.Int(s.speaker.count);
    }
    w.Key("description");
    w.String(s.speaker.description);
    w.Key("begin");
    if (s.speaker.has_span) {
      w.Uint(s.speaker.span.begin);
    } else {
      w.Null();
    }
    w.Key("end");
    if (s.speaker.has_span) {
      w.Uint(s.speaker.span.end);
    } else {
      w.Null();
    }
    w.EndObject();
    w.Key("cue");
    w.BeginObject();
    w.Key("text");
    w.String(s.cue_text);
    w.Key("begin");
    w.Uint(s.cue.begin);
    w.Key("end");
    w.Uint(s.cue.end);
    w.EndObject();
    w.Key("kind");
    w.String(StatementKindName(s.kind));
    w.Key("content");
    w.BeginObject();
    w.Key("text");
    w.String(ContentText(text, s));
    w.Key("begin");
    w.Uint(s.content.begin);
    w.Key("end");
    w.Uint(s.content.end);
    if (!s.content_parts.empty()) {
      w.Key("parts");
      WriteSpans(w, s.content_parts);
    }
    w.EndObject();
    w.Key("via");
    WriteRef(w, 'S', s.via);
    w.Key("stances");
    w.BeginArray();
    for (const Stance& st : s.stances) {
      w.BeginObject();
      w.Key("claim");
      WriteRef(w, 'C', st.claim);
      w.Key("value");
      w.String(StanceValueName(st.value));
      w.Key("strength");
      if (st.strength == Strength::kNone) {
        w.Null();
      } else {
        w.String(StrengthName(st.strength));
      }
      w.Key("confidence");
      w.Double(st.confidence);
      w.Key("principal");
      w.Bool(st.principal);
      w.EndObject();
    }
    w.EndArray();
    w.Key("confidence");
    w.Double(s.confidence);
    w.Key("evidence");
    WriteSpans(w, s.evidence);
    w.Key("rule");
    w.String(s.rule);
    w.Key("said_on");
    w.StringOrNull(s.said_on);
    w.Key("retold");
    w.Bool(s.retold);
    w.EndObject();
  }
  w.EndArray();

  w.Key("claims");
  w.BeginArray();
  for (size_t i = 0; i < x.claims.size(); ++i) {
    const Claim& c = x.claims[i];
    w.BeginObject();
    w.Key("id");
    w.String(Id('C', static_cast<int>(i)));
    w.Key("predicate");
    w.String(c.predicate);
    w.Key("cameo");
    w.String(c.cameo);
    w.Key("plover");
    w.String(c.plover);
    w.Key("participants");
    w.BeginArray();
    for (const Participant& p : c.participants) {
      w.BeginObject();
      w.Key("role");
      w.String(p.role);
      w.Key("entity");
      WriteRef(w, 'E', p.entity);
      w.Key("text");
      w.String(p.text);
      w.EndObject();
    }
    w.EndArray();
    w.Key("location");
    w.String(c.location);
    w.Key("time");
    w.String(c.time);
    w.Key("polarity");
    w.String(c.positive ? "positive" : "negative");
    w.Key("modality");
    w.String(ModalityName(c.modality));
    w.Key("text");
    w.String(c.text);
    w.Key("key");
    w.String(c.key);
    w.Key("confidence");
    w.Double(c.confidence);
    w.Key("evidence");
    WriteSpans(w, c.evidence);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out.push_back('\n');
}

namespace {

// Reads fields of one JSON object and reports errors with the path to the
// field. `path` is the object's own path ("statements[2].speaker").
class Fields {
 public:
  Fields(object obj, std::string path) : obj_(obj), path_(std::move(path)) {}

  std::string PathOf(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }
  Status Bad(std::string_view key, std::string_view why) const {
    return DataLossError(PathOf(key) + ": " + std::string(why));
  }
  // The field, or nullopt when absent or null.
  std::optional<element> Get(std::string_view key) const {
    element e;
    if (obj_.at_key(key).get(e) != simdjson::SUCCESS) return std::nullopt;
    if (e.is_null()) return std::nullopt;
    return e;
  }
  Status Required(std::string_view key, element& e) const {
    std::optional<element> v = Get(key);
    if (!v) return Bad(key, "missing");
    e = *v;
    return Status::Ok();
  }
  Status String(std::string_view key, std::string& out,
                bool required = false) const {
    std::optional<element> v = Get(key);
    if (!v) return required ? Bad(key, "missing") : Status::Ok();
    std::string_view s;
    if (v->get_string().get(s) != simdjson::SUCCESS) {
      return Bad(key, "not a string");
    }
    out.assign(s);
    return Status::Ok();
  }
  Status Uint32(std::string_view key, uint32_t& out) const {
    std::optional<element> v = Get(key);
    if (!v) return Status::Ok();
    uint64_t n;
    if (v->get_uint64().get(n) != simdjson::SUCCESS || n > UINT32_MAX) {
      return Bad(key, "not a byte offset");
    }
    out = static_cast<uint32_t>(n);
    return Status::Ok();
  }
  Status Int(std::string_view key, int& out) const {
    std::optional<element> v = Get(key);
    if (!v) return Status::Ok();
    int64_t n;
    if (v->get_int64().get(n) != simdjson::SUCCESS || n < 0 || n > INT32_MAX) {
      return Bad(key, "not a non-negative integer");
    }
    out = static_cast<int>(n);
    return Status::Ok();
  }
  Status Double(std::string_view key, double& out) const {
    std::optional<element> v = Get(key);
    if (!v) return Status::Ok();
    if (v->get_double().get(out) != simdjson::SUCCESS) {
      return Bad(key, "not a number");
    }
    return Status::Ok();
  }
  Status Bool(std::string_view key, bool& out) const {
    std::optional<element> v = Get(key);
    if (!v) return Status::Ok();
    if (v->get_bool().get(out) != simdjson::SUCCESS) {
      return Bad(key, "not true or false");
    }
    return Status::Ok();
  }
  // A default dom::array is no empty array (iterating it is undefined), so
  // an absent field leaves `out` empty.
  Status Array(std::string_view key, std::optional<array>& out) const {
    out.reset();
    std::optional<element> v = Get(key);
    if (!v) return Status::Ok();
    array a;
    if (v->get_array().get(a) != simdjson::SUCCESS) {
      return Bad(key, "not an array");
    }
    out = a;
    return Status::Ok();
  }
  Status Strings(std::string_view key, std::vector<std::string>& out) const {
    std::optional<array> a;
    HEARSAY_RETURN_IF_ERROR(Array(key, a));
    size_t i = 0;
    if (a) {
      for (element e : *a) {
        std::string_view s;
        if (e.get_string().get(s) != simdjson::SUCCESS) {
          return Bad(std::string(key) + "[" + std::to_string(i) + "]",
                     "not a string");
        }
        out.emplace_back(s);
        ++i;
      }
    }
    return Status::Ok();
  }
  // A reference "E3" (prefix 'E') to an item in [0, limit): its index, or
  // -1 for null or absent.
  Status Ref(std::string_view key, char prefix, size_t limit, int& out) const {
    out = -1;
    std::optional<element> v = Get(key);
    if (!v) return Status::Ok();
    return ParseRef(*v, PathOf(key), prefix, limit, out);
  }
  static Status ParseRef(element e, const std::string& path, char prefix,
                         size_t limit, int& out) {
    std::string_view s;
    if (e.get_string().get(s) != simdjson::SUCCESS) {
      return DataLossError(path + ": not an id string");
    }
    int n = 0;
    if (s.size() < 2 || s[0] != prefix) {
      return DataLossError(path + ": \"" + std::string(s.substr(0, 20)) +
                           "\" is not a " + std::string(1, prefix) + " id");
    }
    auto [p, ec] = std::from_chars(s.data() + 1, s.data() + s.size(), n);
    if (ec != std::errc() || p != s.data() + s.size() || n < 1 ||
        static_cast<size_t>(n) > limit) {
      return DataLossError(path + ": no " + std::string(1, prefix) + " " +
                           std::string(s.substr(1, 20)) + " in this record");
    }
    out = n - 1;
    return Status::Ok();
  }
  Status Spans(std::string_view key, std::vector<Span>& out) const {
    std::optional<array> a;
    HEARSAY_RETURN_IF_ERROR(Array(key, a));
    size_t i = 0;
    if (a) {
      for (element e : *a) {
        array pair;
        uint64_t b = 0, en = 0;
        std::string where = PathOf(key) + "[" + std::to_string(i) + "]";
        if (e.get_array().get(pair) != simdjson::SUCCESS || pair.size() != 2 ||
            pair.at(0).get_uint64().get(b) != simdjson::SUCCESS ||
            pair.at(1).get_uint64().get(en) != simdjson::SUCCESS ||
            en > UINT32_MAX || b > en) {
          return DataLossError(where + ": not a span [begin, end]");
        }
        out.push_back(
            Span{static_cast<uint32_t>(b), static_cast<uint32_t>(en)});
        ++i;
      }
    }
    return Status::Ok();
  }
  // An id field, when present, must be the item's own position.
  Status CheckId(char prefix, size_t index) const {
    std::string id;
    HEARSAY_RETURN_IF_ERROR(String("id", id));
    if (!id.empty() && id != Id(prefix, static_cast<int>(index))) {
      return Bad("id", "is \"" + id.substr(0, 20) + "\", expected \"" +
                           Id(prefix, static_cast<int>(index)) + "\"");
    }
    return Status::Ok();
  }

 private:
  object obj_;
  std::string path_;
};

Status AsObject(element e, const std::string& path, object& out) {
  if (e.get_object().get(out) != simdjson::SUCCESS) {
    return DataLossError(path + ": not an object");
  }
  return Status::Ok();
}

std::string Indexed(std::string_view base, size_t i) {
  return std::string(base) + "[" + std::to_string(i) + "]";
}

Status CheckSpan(const Span& s, size_t text_size, const std::string& path) {
  if (s.begin > s.end) return DataLossError(path + ": begin after end");
  if (text_size > 0 && s.end > text_size)
    return DataLossError(path + ": span ends after the document's text");
  return Status::Ok();
}

// -1 ("none") is a reference only where the field may be null.
Status CheckRef(int ref, size_t count, bool nullable, const std::string& path) {
  if (ref < (nullable ? -1 : 0) || ref >= static_cast<int>(count)) {
    return DataLossError(path + ": refers to no item (" + std::to_string(ref) +
                         " of " + std::to_string(count) + ")");
  }
  return Status::Ok();
}

Status ParseDocument(const Fields& f, Document& d) {
  HEARSAY_RETURN_IF_ERROR(f.String("id", d.id, /*required=*/true));
  if (d.id.empty()) return f.Bad("id", "empty");
  HEARSAY_RETURN_IF_ERROR(f.String("url", d.url));
  HEARSAY_RETURN_IF_ERROR(f.String("outlet", d.outlet));
  HEARSAY_RETURN_IF_ERROR(f.String("published", d.published));
  std::string from;
  HEARSAY_RETURN_IF_ERROR(f.String("published_from", from));
  if (!from.empty()) {
    Result<PublishedFrom> pf = ParsePublishedFrom(from);
    if (!pf.ok()) return f.Bad("published_from", pf.status().message());
    d.published_from = *pf;
  }
  HEARSAY_RETURN_IF_ERROR(f.Strings("authors", d.authors));
  HEARSAY_RETURN_IF_ERROR(f.String("language", d.language));
  HEARSAY_RETURN_IF_ERROR(f.String("title", d.title));
  HEARSAY_RETURN_IF_ERROR(f.Uint32("body_begin", d.body_begin));
  HEARSAY_RETURN_IF_ERROR(f.String("text", d.text));
  if (!d.text.empty()) {
    if (d.body_begin > d.text.size()) {
      return f.Bad("body_begin", "beyond the end of the text");
    }
    d.content_hash = Hash64(d.text);
  }
  HEARSAY_RETURN_IF_ERROR(f.String("origin", d.origin));
  return Status::Ok();
}

Status ParseEntities(const Fields& root, Extraction& x) {
  std::optional<array> a;
  HEARSAY_RETURN_IF_ERROR(root.Array("entities", a));
  size_t i = 0;
  if (a) {
    for (element e : *a) {
      std::string path = Indexed("entities", i);
      object o;
      HEARSAY_RETURN_IF_ERROR(AsObject(e, path, o));
      Fields f(o, path);
      HEARSAY_RETURN_IF_ERROR(f.CheckId('E', i));
      Entity ent;
      HEARSAY_RETURN_IF_ERROR(f.String("name", ent.name));
      std::string type;
      HEARSAY_RETURN_IF_ERROR(f.String("type", type));
      if (!type.empty()) {
        Result<EntityType> t = ParseEntityType(type);
        if (!t.ok()) return f.Bad("type", t.status().message());
        ent.type = *t;
      }
      HEARSAY_RETURN_IF_ERROR(f.Strings("aliases", ent.aliases));
      HEARSAY_RETURN_IF_ERROR(f.Strings("roles", ent.roles));
      HEARSAY_RETURN_IF_ERROR(f.Spans("mentions", ent.mentions));
      x.entities.push_back(std::move(ent));
      ++i;
    }
  }
  return Status::Ok();
}

Status ParseTextSpan(const Fields& parent, std::string_view key,
                     std::string& text, Span& span) {
  std::optional<element> v = parent.Get(key);
  if (!v) return Status::Ok();
  object o;
  HEARSAY_RETURN_IF_ERROR(AsObject(*v, parent.PathOf(key), o));
  Fields f(o, parent.PathOf(key));
  HEARSAY_RETURN_IF_ERROR(f.String("text", text));
  HEARSAY_RETURN_IF_ERROR(f.Uint32("begin", span.begin));
  return f.Uint32("end", span.end);
}

// content.parts (CheckExtraction checks where they lie).
Status ParseContentParts(const Fields& st, Statement& s) {
  std::optional<element> v = st.Get("content");
  if (!v) return Status::Ok();
  object o;
  HEARSAY_RETURN_IF_ERROR(AsObject(*v, st.PathOf("content"), o));
  return Fields(o, st.PathOf("content")).Spans("parts", s.content_parts);
}

Status ParseSpeaker(const Fields& st, size_t entity_count, Speaker& sp) {
  std::optional<element> v = st.Get("speaker");
  if (!v) return Status::Ok();  // the reporter's own voice
  object o;
  HEARSAY_RETURN_IF_ERROR(AsObject(*v, st.PathOf("speaker"), o));
  Fields f(o, st.PathOf("speaker"));
  HEARSAY_RETURN_IF_ERROR(f.Ref("entity", 'E', entity_count, sp.entity));
  std::optional<array> group;
  HEARSAY_RETURN_IF_ERROR(f.Array("entities", group));
  size_t k = 0;
  if (group) {
    for (element e : *group) {
      int idx;
      HEARSAY_RETURN_IF_ERROR(Fields::ParseRef(
          e, Indexed(f.PathOf("entities"), k), 'E', entity_count, idx));
      sp.entities.push_back(idx);
      ++k;
    }
  }
  HEARSAY_RETURN_IF_ERROR(f.String("name", sp.name));
  HEARSAY_RETURN_IF_ERROR(f.Bool("anonymous", sp.anonymous));
  HEARSAY_RETURN_IF_ERROR(f.Int("count", sp.count));
  HEARSAY_RETURN_IF_ERROR(f.String("description", sp.description));
  bool has_begin = f.Get("begin").has_value();
  bool has_end = f.Get("end").has_value();
  if (has_begin != has_end) return f.Bad("end", "begin and end go together");
  sp.has_span = has_begin;
  if (sp.has_span) {
    HEARSAY_RETURN_IF_ERROR(f.Uint32("begin", sp.span.begin));
    HEARSAY_RETURN_IF_ERROR(f.Uint32("end", sp.span.end));
  }
  return Status::Ok();
}

Status ParseStances(const Fields& st, size_t claim_count, Statement& s) {
  std::optional<array> a;
  HEARSAY_RETURN_IF_ERROR(st.Array("stances", a));
  size_t k = 0;
  if (a) {
    for (element e : *a) {
      std::string path = Indexed(st.PathOf("stances"), k);
      object o;
      HEARSAY_RETURN_IF_ERROR(AsObject(e, path, o));
      Fields f(o, path);
      Stance stance;
      element claim;
      HEARSAY_RETURN_IF_ERROR(f.Required("claim", claim));
      HEARSAY_RETURN_IF_ERROR(Fields::ParseRef(claim, f.PathOf("claim"), 'C',
                                               claim_count, stance.claim));
      std::string value;
      HEARSAY_RETURN_IF_ERROR(f.String("value", value, /*required=*/true));
      Result<StanceValue> sv = ParseStanceValue(value);
      if (!sv.ok()) return f.Bad("value", sv.status().message());
      stance.value = *sv;
      std::string strength;
      HEARSAY_RETURN_IF_ERROR(f.String("strength", strength));
      Result<Strength> str = ParseStrength(strength);
      if (!str.ok()) return f.Bad("strength", str.status().message());
      stance.strength = *str;
      HEARSAY_RETURN_IF_ERROR(f.Double("confidence", stance.confidence));
      HEARSAY_RETURN_IF_ERROR(f.Bool("principal", stance.principal));
      s.stances.push_back(stance);
      ++k;
    }
  }
  return Status::Ok();
}

Status ParseStatements(const Fields& root, Extraction& x, size_t claim_count) {
  std::optional<array> a;
  HEARSAY_RETURN_IF_ERROR(root.Array("statements", a));
  size_t count = a ? a->size() : 0;
  size_t i = 0;
  if (a) {
    for (element e : *a) {
      std::string path = Indexed("statements", i);
      object o;
      HEARSAY_RETURN_IF_ERROR(AsObject(e, path, o));
      Fields f(o, path);
      HEARSAY_RETURN_IF_ERROR(f.CheckId('S', i));
      Statement s;
      HEARSAY_RETURN_IF_ERROR(ParseSpeaker(f, x.entities.size(), s.speaker));
      HEARSAY_RETURN_IF_ERROR(ParseTextSpan(f, "cue", s.cue_text, s.cue));
      std::string kind;
      HEARSAY_RETURN_IF_ERROR(f.String("kind", kind, /*required=*/true));
      Result<StatementKind> k = ParseStatementKind(kind);
      if (!k.ok()) return f.Bad("kind", k.status().message());
      s.kind = *k;
      HEARSAY_RETURN_IF_ERROR(
          ParseTextSpan(f, "content", s.content_text, s.content));
      HEARSAY_RETURN_IF_ERROR(ParseContentParts(f, s));
      HEARSAY_RETURN_IF_ERROR(f.Ref("via", 'S', count, s.via));
      if (s.via == static_cast<int>(i)) return f.Bad("via", "refers to itself");
      HEARSAY_RETURN_IF_ERROR(ParseStances(f, claim_count, s));
      HEARSAY_RETURN_IF_ERROR(f.Double("confidence", s.confidence));
      HEARSAY_RETURN_IF_ERROR(f.Spans("evidence", s.evidence));
      HEARSAY_RETURN_IF_ERROR(f.String("rule", s.rule));
      HEARSAY_RETURN_IF_ERROR(f.String("said_on", s.said_on));
      if (!s.said_on.empty() && !IsIsoDate(s.said_on))
        return f.Bad("said_on", "not a date (YYYY-MM-DD)");
      HEARSAY_RETURN_IF_ERROR(f.Bool("retold", s.retold));
      x.statements.push_back(std::move(s));
      ++i;
    }
  }
  // A via chain must end: following it from any statement may not loop.
  for (size_t start = 0; start < x.statements.size(); ++start) {
    int at = x.statements[start].via;
    for (size_t steps = 0; at >= 0; ++steps) {
      if (steps > x.statements.size()) {
        return DataLossError(Indexed("statements", start) +
                             ".via: the chain of via references loops");
      }
      at = x.statements[at].via;
    }
  }
  return Status::Ok();
}

Status ParseClaims(const Fields& root, Extraction& x) {
  std::optional<array> a;
  HEARSAY_RETURN_IF_ERROR(root.Array("claims", a));
  size_t i = 0;
  if (a) {
    for (element e : *a) {
      std::string path = Indexed("claims", i);
      object o;
      HEARSAY_RETURN_IF_ERROR(AsObject(e, path, o));
      Fields f(o, path);
      HEARSAY_RETURN_IF_ERROR(f.CheckId('C', i));
      Claim c;
      HEARSAY_RETURN_IF_ERROR(f.String("predicate", c.predicate, true));
      HEARSAY_RETURN_IF_ERROR(f.String("cameo", c.cameo));
      HEARSAY_RETURN_IF_ERROR(f.String("plover", c.plover));
      std::optional<array> parts;
      HEARSAY_RETURN_IF_ERROR(f.Array("participants", parts));
      size_t k = 0;
      if (parts) {
        for (element pe : *parts) {
          std::string ppath = Indexed(path + ".participants", k);
          object po;
          HEARSAY_RETURN_IF_ERROR(AsObject(pe, ppath, po));
          Fields pf(po, ppath);
          Participant p;
          HEARSAY_RETURN_IF_ERROR(pf.String("role", p.role));
          HEARSAY_RETURN_IF_ERROR(
              pf.Ref("entity", 'E', x.entities.size(), p.entity));
          HEARSAY_RETURN_IF_ERROR(pf.String("text", p.text));
          c.participants.push_back(std::move(p));
          ++k;
        }
      }
      HEARSAY_RETURN_IF_ERROR(f.String("location", c.location));
      HEARSAY_RETURN_IF_ERROR(f.String("time", c.time));
      std::optional<element> pol = f.Get("polarity");
      if (pol) {
        std::string_view ps;
        bool pb;
        if (pol->get_string().get(ps) == simdjson::SUCCESS &&
            (ps == "positive" || ps == "negative")) {
          c.positive = ps == "positive";
        } else if (pol->get_bool().get(pb) == simdjson::SUCCESS) {
          c.positive = pb;
        } else {
          return f.Bad("polarity", "not \"positive\" or \"negative\"");
        }
      }
      std::string modality;
      HEARSAY_RETURN_IF_ERROR(f.String("modality", modality));
      if (!modality.empty()) {
        Result<Modality> m = ParseModality(modality);
        if (!m.ok()) return f.Bad("modality", m.status().message());
        c.modality = *m;
      }
      HEARSAY_RETURN_IF_ERROR(f.String("text", c.text));
      HEARSAY_RETURN_IF_ERROR(f.String("key", c.key));
      HEARSAY_RETURN_IF_ERROR(f.Double("confidence", c.confidence));
      HEARSAY_RETURN_IF_ERROR(f.Spans("evidence", c.evidence));
      x.claims.push_back(std::move(c));
      ++i;
    }
  }
  return Status::Ok();
}

}  // namespace

Result<Extraction> ParseExtractionJson(std::string_view line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) {
    line.remove_suffix(1);
  }
  thread_local simdjson::dom::parser parser;
  element root;
  simdjson::error_code err = parser.parse(line.data(), line.size()).get(root);
  if (err != simdjson::SUCCESS) {
    return DataLossError(std::string("not JSON: ") +
                         simdjson::error_message(err));
  }
  object obj;
  HEARSAY_RETURN_IF_ERROR(AsObject(root, "record", obj));
  Fields f(obj, "");
  std::string schema;
  HEARSAY_RETURN_IF_ERROR(f.String("schema", schema, /*required=*/true));
  if (schema != kExtractSchema) {
    return f.Bad("schema", "is \"" + schema.substr(0, 40) + "\", expected \"" +
                               std::string(kExtractSchema) + "\"");
  }
  Extraction x;
  HEARSAY_RETURN_IF_ERROR(f.String("models", x.models_version));
  HEARSAY_RETURN_IF_ERROR(f.String("lexicons", x.lexicons_version));
  element doc;
  HEARSAY_RETURN_IF_ERROR(f.Required("document", doc));
  object doc_obj;
  HEARSAY_RETURN_IF_ERROR(AsObject(doc, "document", doc_obj));
  HEARSAY_RETURN_IF_ERROR(
      ParseDocument(Fields(doc_obj, "document"), x.document));
  HEARSAY_RETURN_IF_ERROR(ParseEntities(f, x));
  // Statements refer to claims, so their number is needed first.
  std::optional<array> claims;
  HEARSAY_RETURN_IF_ERROR(f.Array("claims", claims));
  HEARSAY_RETURN_IF_ERROR(ParseStatements(f, x, claims ? claims->size() : 0));
  HEARSAY_RETURN_IF_ERROR(ParseClaims(f, x));
  HEARSAY_RETURN_IF_ERROR(CheckExtraction(x));
  return x;
}

Status CheckExtraction(const Extraction& x) {
  const size_t n = x.document.text.size();
  const size_t entities = x.entities.size();
  for (size_t i = 0; i < x.entities.size(); ++i) {
    const std::vector<Span>& ms = x.entities[i].mentions;
    for (size_t k = 0; k < ms.size(); ++k) {
      HEARSAY_RETURN_IF_ERROR(CheckSpan(
          ms[k], n, Indexed(Indexed("entities", i) + ".mentions", k)));
    }
  }
  for (size_t i = 0; i < x.statements.size(); ++i) {
    const Statement& s = x.statements[i];
    const std::string path = Indexed("statements", i);
    const Speaker& sp = s.speaker;
    if (sp.has_span)
      HEARSAY_RETURN_IF_ERROR(CheckSpan(sp.span, n, path + ".speaker"));
    HEARSAY_RETURN_IF_ERROR(
        CheckRef(sp.entity, entities, true, path + ".speaker.entity"));
    for (size_t k = 0; k < sp.entities.size(); ++k) {
      HEARSAY_RETURN_IF_ERROR(CheckRef(sp.entities[k], entities, false,
                                       Indexed(path + ".speaker.entities", k)));
    }
    HEARSAY_RETURN_IF_ERROR(CheckSpan(s.cue, n, path + ".cue"));
    HEARSAY_RETURN_IF_ERROR(CheckSpan(s.content, n, path + ".content"));
    for (size_t k = 0; k < s.content_parts.size(); ++k) {
      const Span& p = s.content_parts[k];
      const std::string where = Indexed(path + ".content.parts", k);
      HEARSAY_RETURN_IF_ERROR(CheckSpan(p, n, where));
      if (!s.content.Contains(p))
        return DataLossError(where + ": outside the content's span");
      if (k > 0 && p.begin < s.content_parts[k - 1].end)
        return DataLossError(where + ": before the end of the part before it");
    }
    HEARSAY_RETURN_IF_ERROR(
        CheckRef(s.via, x.statements.size(), true, path + ".via"));
    for (size_t k = 0; k < s.stances.size(); ++k) {
      HEARSAY_RETURN_IF_ERROR(
          CheckRef(s.stances[k].claim, x.claims.size(), false,
                   Indexed(path + ".stances", k) + ".claim"));
    }
    for (size_t k = 0; k < s.evidence.size(); ++k) {
      HEARSAY_RETURN_IF_ERROR(
          CheckSpan(s.evidence[k], n, Indexed(path + ".evidence", k)));
    }
  }
  for (size_t i = 0; i < x.claims.size(); ++i) {
    const Claim& c = x.claims[i];
    const std::string path = Indexed("claims", i);
    for (size_t k = 0; k < c.participants.size(); ++k) {
      HEARSAY_RETURN_IF_ERROR(
          CheckRef(c.participants[k].entity, entities, true,
                   Indexed(path + ".participants", k) + ".entity"));
    }
    for (size_t k = 0; k < c.evidence.size(); ++k) {
      HEARSAY_RETURN_IF_ERROR(
          CheckSpan(c.evidence[k], n, Indexed(path + ".evidence", k)));
    }
  }
  return Status::Ok();
}

}  // namespace hearsay

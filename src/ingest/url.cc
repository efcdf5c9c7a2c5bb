#include "ingest/url.h"

#include <array>

#include "hearsay/ingest.h"
#include "ingest/util.h"

namespace hearsay {
namespace {

using ingest::EqualsIgnoreCase;
using ingest::StartsWithIgnoreCase;
using ingest::ToLower;
using ingest::Trim;

// Query parameters that only say how a reader arrived at the page.
bool IsTrackingParam(std::string_view key) {
  static constexpr std::array<std::string_view, 22> kExact = {
      "fbclid",   "gclid",    "gclsrc",
      "dclid",    "msclkid",  "mc_cid",
      "mc_eid",   "igshid",   "ref_src",
      "ref_url",  "yclid",    "_ga",
      "_gl",      "twclid",   "ttclid",
      "wt.mc_id", "wt_mc_id", "cmpid",
      "s_cid",    "mkt_tok",  "__twitter_impression",
      "ncid",
  };
  if (StartsWithIgnoreCase(key, "utm_")) return true;
  for (std::string_view k : kExact) {
    if (EqualsIgnoreCase(key, k)) return true;
  }
  return false;
}

struct UrlParts {
  std::string_view scheme;     // without "://"
  std::string_view authority;  // user info, host, port
  std::string_view path;
  std::string_view query;  // without '?'
  bool has_query = false;
  bool has_authority = false;
};

bool SplitUrl(std::string_view url, UrlParts& p) {
  size_t colon = url.find("://");
  if (colon == std::string_view::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = url[i];
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return false;
  }
  p.scheme = url.substr(0, colon);
  std::string_view rest = url.substr(colon + 3);
  size_t hash = rest.find('#');
  if (hash != std::string_view::npos) rest = rest.substr(0, hash);
  size_t end = rest.find_first_of("/?");
  p.authority = rest.substr(0, end);
  p.has_authority = true;
  rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
  size_t q = rest.find('?');
  if (q != std::string_view::npos) {
    p.query = rest.substr(q + 1);
    p.has_query = true;
    rest = rest.substr(0, q);
  }
  p.path = rest;
  return true;
}

}  // namespace

std::string CanonicalizeUrl(std::string_view url) {
  url = Trim(url);
  if (url.empty()) return "";
  UrlParts p;
  if (!SplitUrl(url, p)) {
    size_t hash = url.find('#');
    return std::string(url.substr(0, hash));
  }
  std::string scheme = ToLower(p.scheme);
  std::string out = scheme + "://";

  std::string_view authority = p.authority;
  size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    out.append(authority.substr(0, at + 1));
    authority = authority.substr(at + 1);
  }
  std::string_view host = authority;
  std::string_view port;
  size_t port_colon = authority.rfind(':');
  size_t bracket = authority.rfind(']');
  if (port_colon != std::string_view::npos &&
      (bracket == std::string_view::npos || port_colon > bracket)) {
    host = authority.substr(0, port_colon);
    port = authority.substr(port_colon + 1);
  }
  std::string lower_host = ToLower(host);
  while (!lower_host.empty() && lower_host.back() == '.') lower_host.pop_back();
  out += lower_host;
  bool default_port = port.empty() || (scheme == "http" && port == "80") ||
                      (scheme == "https" && port == "443");
  if (!default_port) {
    out.push_back(':');
    out.append(port);
  }

  if (p.path.empty() && (scheme == "http" || scheme == "https")) {
    out.push_back('/');
  } else {
    out.append(p.path);
  }

  if (p.has_query) {
    std::string query;
    std::string_view q = p.query;
    size_t start = 0;
    while (true) {
      size_t amp = q.find('&', start);
      std::string_view param =
          q.substr(start, amp == std::string_view::npos ? amp : amp - start);
      std::string_view key = param.substr(0, param.find('='));
      if (!param.empty() && !IsTrackingParam(key)) {
        if (!query.empty()) query.push_back('&');
        query.append(param);
      }
      if (amp == std::string_view::npos) break;
      start = amp + 1;
    }
    if (!query.empty()) {
      out.push_back('?');
      out += query;
    }
  }
  return out;
}

namespace ingest {

std::string UrlHost(std::string_view url) {
  url = Trim(url);
  size_t colon = url.find("://");
  std::string_view rest;
  if (colon != std::string_view::npos) {
    rest = url.substr(colon + 3);
  } else if (url.substr(0, 2) == "//") {
    rest = url.substr(2);
  } else {
    return "";
  }
  rest = rest.substr(0, rest.find_first_of("/?#"));
  size_t at = rest.rfind('@');
  if (at != std::string_view::npos) rest = rest.substr(at + 1);
  if (!rest.empty() && rest.front() == '[') {
    return ToLower(rest.substr(0, rest.find(']') + 1));
  }
  rest = rest.substr(0, rest.find(':'));
  std::string host = ToLower(rest);
  while (!host.empty() && host.back() == '.') host.pop_back();
  return host;
}

std::string OutletFromUrl(std::string_view url) {
  std::string host = UrlHost(url);
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

std::string ResolveUrl(std::string_view base, std::string_view ref) {
  ref = Trim(ref);
  if (ref.empty()) return "";
  if (ref.find("://") != std::string_view::npos) return std::string(ref);
  base = Trim(base);
  size_t colon = base.find("://");
  if (colon == std::string_view::npos) return "";
  if (ref.substr(0, 2) == "//") {
    return std::string(base.substr(0, colon + 1)) + std::string(ref);
  }
  if (ref.front() == '/') {
    size_t path = base.find_first_of("/?#", colon + 3);
    return std::string(base.substr(0, path)) + std::string(ref);
  }
  return "";
}

}  // namespace ingest
}  // namespace hearsay

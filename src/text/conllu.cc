#include "text/conllu.h"

#include <charconv>
#include <fstream>
#include <sstream>

#include "core/lines.h"

namespace hearsay::conllu {
namespace {

bool ParseInt(std::string_view s, int* out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

Status LineError(std::string_view name, int line, std::string_view what) {
  std::string m(name);
  m += ": line " + std::to_string(line) + ": ";
  m += what;
  return DataLossError(std::move(m));
}

}  // namespace

bool MiscHas(std::string_view misc, std::string_view item) {
  while (!misc.empty()) {
    size_t bar = misc.find('|');
    std::string_view part = misc.substr(0, bar);
    if (part == item) return true;
    if (bar == std::string_view::npos) break;
    misc.remove_prefix(bar + 1);
  }
  return false;
}

std::string_view MiscGet(std::string_view misc, std::string_view key) {
  while (!misc.empty()) {
    size_t bar = misc.find('|');
    std::string_view part = misc.substr(0, bar);
    if (part.size() > key.size() && part.substr(0, key.size()) == key &&
        part[key.size()] == '=') {
      return part.substr(key.size() + 1);
    }
    if (bar == std::string_view::npos) break;
    misc.remove_prefix(bar + 1);
  }
  return {};
}

bool Sentence::NoSpaceAfter(int word_id) const {
  for (const MultiWord& mw : multiwords) {
    if (mw.last == word_id) return MiscHas(mw.misc, "SpaceAfter=No");
    if (mw.first <= word_id && word_id < mw.last) return true;
  }
  if (word_id < 1 || word_id > static_cast<int>(words.size())) return false;
  return MiscHas(words[word_id - 1].misc, "SpaceAfter=No");
}

Result<std::vector<Sentence>> Parse(std::string_view data,
                                    std::string_view name) {
  std::vector<Sentence> out;
  Sentence cur;
  bool open = false;
  LineCursor lines(data);
  std::string_view line;
  int last_range_line = 0;  // line of the sentence's last multi-word range
  // A range that runs past the sentence's last word would be dropped on
  // writing (ranges are written before the word they start at), so it is
  // refused here, where the line it came from is still known.
  auto flush = [&]() -> Status {
    if (open && !cur.multiwords.empty() &&
        cur.multiwords.back().last > static_cast<int>(cur.words.size())) {
      return LineError(name, last_range_line,
                       "multi-word token range runs past the sentence's "
                       "last word");
    }
    if (open) out.push_back(std::move(cur));
    cur = Sentence();
    open = false;
    return Status::Ok();
  };
  while (lines.Next(&line)) {
    const int line_no = lines.number();
    if (line.empty()) {
      if (Status st = flush(); !st.ok()) return st;
      continue;
    }
    if (!open) {
      open = true;
      cur.first_line = line_no;
    }
    if (line[0] == '#') {
      std::string_view c = line.substr(1);
      if (!c.empty() && c[0] == ' ') c.remove_prefix(1);
      if (c.substr(0, 6) == "newdoc") cur.newdoc = true;
      if (c.substr(0, 6) == "newpar") cur.newpar = true;
      if (c.substr(0, 7) == "text = ") cur.text.assign(c.substr(7));
      cur.comments.emplace_back(c);
      continue;
    }
    std::string_view cols[10];
    int n = 0;
    size_t start = 0;
    while (n < 10) {
      size_t tab = line.find('\t', start);
      if (tab == std::string_view::npos) {
        cols[n++] = line.substr(start);
        break;
      }
      cols[n++] = line.substr(start, tab - start);
      start = tab + 1;
    }
    if (n != 10 || cols[9].data() + cols[9].size() != line.data() + line.size())
      return LineError(name, line_no, "expected 10 tab-separated columns");
    std::string_view id = cols[0];
    if (size_t dot = id.find('.'); dot != std::string_view::npos) {
      // An empty node ("8.1") is skipped, as the evaluation skips it; any
      // other ID with a period is an error, not a line to drop unseen.
      int whole = 0, part = 0;
      if (!ParseInt(id.substr(0, dot), &whole) ||
          !ParseInt(id.substr(dot + 1), &part) || whole < 0 || part < 1) {
        return LineError(name, line_no, "bad empty node ID");
      }
      continue;
    }
    size_t dash = id.find('-');
    if (dash != std::string_view::npos) {
      MultiWord mw;
      if (!ParseInt(id.substr(0, dash), &mw.first) ||
          !ParseInt(id.substr(dash + 1), &mw.last) || mw.last < mw.first) {
        return LineError(name, line_no, "bad multi-word token range");
      }
      if (mw.first != static_cast<int>(cur.words.size()) + 1) {
        return LineError(name, line_no,
                         "a multi-word token range must start at the next "
                         "word");
      }
      last_range_line = line_no;
      mw.form.assign(cols[1]);
      mw.misc.assign(cols[9]);
      cur.multiwords.push_back(std::move(mw));
      continue;
    }
    Word w;
    if (!ParseInt(id, &w.id) ||
        w.id != static_cast<int>(cur.words.size()) + 1) {
      return LineError(name, line_no, "word IDs must run 1, 2, 3, ...");
    }
    w.form.assign(cols[1]);
    w.lemma.assign(cols[2]);
    w.upos.assign(cols[3]);
    w.xpos.assign(cols[4]);
    w.feats.assign(cols[5]);
    if (cols[6] == "_") {
      w.head = -1;
    } else if (!ParseInt(cols[6], &w.head) || w.head < 0) {
      return LineError(name, line_no, "bad HEAD");
    }
    w.deprel.assign(cols[7]);
    w.deps.assign(cols[8]);
    w.misc.assign(cols[9]);
    cur.words.push_back(std::move(w));
  }
  if (Status st = flush(); !st.ok()) return st;
  return out;
}

Result<std::vector<Sentence>> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  return Parse(ss.str(), path);
}

void Write(const Sentence& s, std::string& out) {
  for (const std::string& c : s.comments) {
    out += "# ";
    out += c;
    out += '\n';
  }
  size_t mw = 0;
  for (const Word& w : s.words) {
    while (mw < s.multiwords.size() && s.multiwords[mw].first == w.id) {
      const MultiWord& m = s.multiwords[mw++];
      out += std::to_string(m.first) + "-" + std::to_string(m.last) + "\t" +
             m.form + "\t_\t_\t_\t_\t_\t_\t_\t" +
             (m.misc.empty() ? "_" : m.misc) + "\n";
    }
    auto col = [&](const std::string& v) { out += v.empty() ? "_" : v; };
    out += std::to_string(w.id);
    out += '\t';
    col(w.form);
    out += '\t';
    col(w.lemma);
    out += '\t';
    col(w.upos);
    out += '\t';
    col(w.xpos);
    out += '\t';
    col(w.feats);
    out += '\t';
    out += w.head < 0 ? "_" : std::to_string(w.head);
    out += '\t';
    col(w.deprel);
    out += '\t';
    col(w.deps);
    out += '\t';
    col(w.misc);
    out += '\n';
  }
  out += '\n';
}

}  // namespace hearsay::conllu

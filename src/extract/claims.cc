// Claims and stances of one document: the second half of the extract stage.
//
// Pass 5 reads claims off predicate triggers (lexicons/predicates.tsv). A
// trigger's clause gives the participants by role (the subject is the agent,
// "with X" a partner, the object or "against X" a target), the place ("in the
// U.S."), the time ("on Thursday", resolved against the publish date), the
// polarity (a negation cue on the way from the trigger to its subject: "no
// plans to collaborate") and the modality (hedges on the same way, and the
// statement that carries the clause: an outlet's report is `reported`). A
// trigger that needs certain objects (the `object` column: "cut" jobs, not
// "tax cuts") makes a claim only with them.
// Mentions of one proposition with one polarity are one claim; a trigger
// inside the complement of another ("talks to establish a venture") belongs
// to the outer claim. Statement contents without a listed trigger still give
// a claim, `other:<lemma>`, from their main verb.
//
// Pass 6 gives each statement its stance toward the claims of the document:
// toward a claim stated in its content, by the cue ("denied that", "suggested
// that") and the denial cues of its words; toward an earlier claim when the
// statement answers it without restating it ("This story is completely
// false"), choosing the claim the speaker is a party to, or says there is
// none of it ("there is no ban"). Claims stated in the
// reporter's own voice get a statement of kind `reporter` that asserts them.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "extract/doc_state.h"

namespace hearsay {
namespace extract_internal {
namespace {

std::string_view Base(std::string_view deprel) {
  return deprel.substr(0, deprel.find(':'));
}

// How far a modality is from a plain assertion; a claim's mentions keep the
// firmest, a mention's cues the weakest.
int Rank(Modality m) {
  switch (m) {
    case Modality::kAsserted:
      return 0;
    case Modality::kFuture:
      return 1;
    case Modality::kReported:
      return 2;
    case Modality::kHedged:
      return 3;
    case Modality::kSpeculative:
      return 4;
  }
  return 0;
}

Modality Weaker(Modality a, Modality b) { return Rank(a) >= Rank(b) ? a : b; }
Modality Firmer(Modality a, Modality b) { return Rank(a) <= Rank(b) ? a : b; }

// Families whose participants are interchangeable: "Ford and Xiaomi
// cooperate" is "Xiaomi cooperates with Ford".
bool Symmetric(std::string_view family) {
  return family == "cooperate" || family == "negotiate" || family == "agree" ||
         family == "merge" || family == "meet";
}

bool IsNoun(const W& w) {
  return w.upos == "NOUN" || w.upos == "PROPN" || w.upos == "PRON" ||
         w.upos == "NUM";
}

void AddUnique(std::vector<int>* v, int x) {
  if (x >= 0 && std::find(v->begin(), v->end(), x) == v->end()) v->push_back(x);
}

std::string LowerName(std::string_view s) {
  std::string out = Lower(s);
  for (char& c : out)
    if (c == '|' || c == '+' || c == '>' || c == ':') c = ' ';
  return out;
}

}  // namespace

bool ReportLemma(std::string_view lemma) {
  for (std::string_view noun :
       {"report", "rumour", "rumor", "speculation", "claim", "allegation",
        "suggestion", "story", "article"})
    if (lemma == noun) return true;
  return false;
}

bool AccountLemma(std::string_view lemma) {
  if (ReportLemma(lemma)) return true;
  for (std::string_view noun :
       {"news", "information", "info", "alarm", "propaganda", "narrative",
        "version", "account", "accusation", "statement", "headline"})
    if (lemma == noun) return true;
  return false;
}

int Weekday(std::string_view low) {  // 0 = Monday; -1 none
  static constexpr std::string_view kDays[] = {
      "monday", "tuesday",  "wednesday", "thursday",
      "friday", "saturday", "sunday"};
  for (int k = 0; k < 7; ++k)
    if (low == kDays[k]) return k;
  return -1;
}

int Month(std::string_view low) {  // 1..12; 0 none
  static constexpr std::string_view kMonths[] = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (int k = 0; k < 12; ++k) {
    if (low == kMonths[k] || (low.size() >= 3 && low.size() <= 4 &&
                              kMonths[k].substr(0, 3) == low.substr(0, 3) &&
                              (low.size() == 3 || low[3] == '.')))
      return k + 1;
  }
  return 0;
}

// The entity word w names or stands for: its mention (not a passing
// demonym), a resolved pronoun, or a name in apposition. A name compounded
// onto a noun does not make the noun that entity: "a U.S. automaker" is not
// the United States.
int DocState::EntityAt(int w) {
  // "Monday" named by the recogniser is a time, not a party.
  if (std::string low = Lower(words_[w].form);
      Weekday(low) >= 0 || (Month(low) > 0 && low.size() > 3))
    return -1;
  int m = words_[w].mention;
  if (m >= 0 && !mentions_[m].weak) return mentions_[m].entity;
  if (words_[w].upos == "PRON") {
    std::string low = Lower(words_[w].form);
    if (low == "we" || low == "us" || low == "our") {
      // In a quote, "we" is the speaker's organisation.
      for (const Statement& st : statements_) {
        if (st.kind == StatementKind::kReporter ||
            words_[w].span.begin < st.content.begin ||
            words_[w].span.end > st.content.end)
          continue;
        int e = st.speaker.entity;
        if (e < 0) continue;
        if (CoarseType(entities_[e].e.type) == EntityType::kOrg) return e;
        for (const std::string& role : entities_[e].e.roles) {
          for (size_t o = 0; o < entities_.size(); ++o) {
            if (CoarseType(entities_[o].e.type) == EntityType::kOrg &&
                EndsWith(role, " of " + entities_[o].e.name))
              return static_cast<int>(o);
          }
        }
      }
      return -1;
    }
    return ResolvePronoun(w);
  }
  for (int c : Children(w)) {
    std::string_view d = words_[c].deprel;
    if (d != "flat" && d != "appos") continue;
    int cm = words_[c].mention;
    if (cm >= 0 && !mentions_[cm].weak) return mentions_[cm].entity;
  }
  return -1;
}

// The entities of the noun phrase headed by w, its conjuncts included
// ("Ford and Xiaomi"); entities reached through "including"/"such as" go to
// `further`; heads that name no entity go to `others` (their text becomes a
// participant's).
void DocState::CollectArgs(int w, std::vector<int>* entities,
                           std::vector<int>* further, std::vector<int>* others,
                           int depth) {
  if (depth > 6) return;
  bool found = false;
  for (const GroupRef& g : groups_) {
    if (w >= g.first && w < g.last) {
      for (int e : g.entities) AddUnique(entities, e);
      found = true;
      break;
    }
  }
  if (!found && words_[w].upos == "PRON") {
    std::string low = Lower(words_[w].form);
    if (low == "they" || low == "them" || low == "their") {
      // "Harlow and Quillon denied a report that they were in talks": the
      // nearest subject that joins several names.
      for (int k = w - 1; k >= 0 && !found; --k) {
        if (words_[k].sent + 1 < words_[w].sent) break;
        if (!StartsWith(words_[k].deprel, "nsubj")) continue;
        std::vector<int> ents, fur, oth;
        // ("both companies denied a report that they ...": a group.)
        for (const GroupRef& g : groups_)
          if (k >= g.first && k < g.last) ents = g.entities;
        for (int c : Children(k)) {
          if (words_[c].deprel == "conj") {
            CollectArgs(k, &ents, &fur, &oth, depth + 1);
            break;
          }
        }
        if (ents.size() >= 2) {
          for (int e : ents) AddUnique(entities, e);
          found = true;
        }
      }
    }
  }
  if (!found) {
    int e = EntityAt(w);
    if (e >= 0) {
      AddUnique(entities, e);
      found = true;
    }
  }
  if (!found && IsNoun(words_[w])) {
    // "its former auditor, Penhale Grant": the name in apposition.
    for (int c : Children(w)) {
      int m = words_[c].mention;
      if (words_[c].deprel != "appos" || m < 0 || !mentions_[m].named ||
          mentions_[m].weak)
        continue;
      AddUnique(entities, mentions_[m].entity);
      found = true;
      break;
    }
  }
  if (!found && words_[w].upos == "NOUN") {
    // "the logistics-software company": a definite description the
    // nominals lexicon knows by its head ("the company"), with modifiers
    // the lexicon does not list, refers to the nearest organisation before.
    bool definite = false;
    for (int c : Children(w))
      definite |= words_[c].deprel == "det" && Lower(words_[c].form) == "the";
    std::string head = "the " + Lower(words_[w].form);
    const Nominal* nom = nullptr;
    for (const Nominal& n : lex_.nominals())
      if (n.group == 0 && n.phrase == head) nom = &n;
    if (definite && nom) {
      for (int m = static_cast<int>(mentions_.size()) - 1; m >= 0; --m) {
        if (mentions_[m].first >= words_[w].lo || !mentions_[m].named ||
            mentions_[m].weak)
          continue;
        if (words_[mentions_[m].first].sent + 2 < words_[w].sent) break;
        EntityType et = entities_[mentions_[m].entity].e.type;
        if (std::find(nom->types.begin(), nom->types.end(), et) !=
                nom->types.end() &&
            et != EntityType::kOutlet) {
          AddUnique(entities, mentions_[m].entity);
          found = true;
          break;
        }
      }
    }
  }
  if (!found) others->push_back(w);
  for (int c : Children(w)) {
    std::string_view d = words_[c].deprel;
    if (d == "conj") {
      CollectArgs(c, entities, further, others, depth + 1);
    } else if (Base(d) == "nmod") {
      std::string k = CaseOf(c);
      if (k == "including" || k == "like" || k == "such") {
        std::vector<int> sub_others;
        CollectArgs(c, further, further, &sub_others, depth + 1);
      }
    }
  }
}

// The lower-cased preposition of a nominal ("with", "between"), "" if none.
std::string DocState::CaseOf(int w) const {
  for (int c : Children(w))
    if (words_[c].deprel == "case") return Lower(words_[c].form);
  return {};
}

// "The Guimarães plant is not closing": a progressive verb the tagger read
// as an adjective after "is" (its copula).
bool DocState::ProgressiveReadAsAdjective(int w) const {
  if (words_[w].upos != "ADJ" || !words_[w].form.ends_with("ing")) return false;
  for (int c : Children(w))
    if (words_[c].deprel == "cop") return true;
  return false;
}

// The predicate trigger starting at w whose part of speech fits, or -1;
// `last` receives the word after it.
int DocState::PredicateAt(int w, int* last) const {
  int s = words_[w].sent;
  std::vector<PhraseMatch> hits;
  lex_.Match(SentKeys(s), w - sents_[s].first, &hits,
             KindBit(LexiconKind::kPredicate));
  for (const PhraseMatch& m : hits) {
    const PredicateTrigger& p = lex_.predicates()[m.entry];
    int end = w + m.length;
    bool ok = false;
    for (int k = w; k < end && !ok; ++k) {
      std::string_view u = words_[k].upos;
      if (p.pos == PartOfSpeech::kVerb) {
        ok = u == "VERB" || ProgressiveReadAsAdjective(k);
      } else if (p.pos == PartOfSpeech::kNoun) {
        ok = u == "NOUN" || u == "PROPN";
      } else {
        ok = u == "VERB" || u == "NOUN" || u == "PROPN" || u == "ADJ";
      }
    }
    if (!ok) continue;
    // "tax cuts", "gave a speech": a trigger that needs certain objects.
    if (!p.objects.empty() && !ObjectFits(w, p.objects)) continue;
    *last = end;
    return static_cast<int>(m.entry);
  }
  return -1;
}

// Whether a trigger at w has one of the objects it needs (predicates.tsv,
// column `object`): "cut 3,000 jobs", "3,000 jobs will be cut", "cut 10
// percent of its staff", "cuts of 500 positions", "backed it with $400
// million".
bool DocState::ObjectFits(int w,
                          const std::vector<std::string>& objects) const {
  auto wanted = [&](std::string_view set) {
    return std::find(objects.begin(), objects.end(), set) != objects.end();
  };
  auto fits = [&](int k) {
    const std::string_view l = words_[k].lemma;
    if (wanted(l)) return true;
    if (wanted("@people")) {
      for (std::string_view p :
           {"job", "worker", "staff", "employee", "position", "workforce",
            "headcount", "role", "people", "personnel", "post", "staffer",
            "crew", "payroll"})
        if (l == p) return true;
    }
    if (wanted("@money")) {
      for (std::string_view m : {"money", "cash", "fund", "dollar", "euro",
                                 "pound", "yen", "yuan", "$", "€", "£", "¥"})
        if (l == m || words_[k].form == m) return true;
    }
    // (An organisation the text names: "left Harlow Motors", "left the
    // White House".)
    if (wanted("@org") && words_[k].mention >= 0 &&
        CoarseType(entities_[mentions_[words_[k].mention].entity].e.type) ==
            EntityType::kOrg)
      return true;
    // (A person: "charged Corey Lewandowski", "Assange was not charged",
    // "charged them with possession"; not "charge it every night".)
    if (wanted("@person")) {
      if (words_[k].mention >= 0 &&
          entities_[mentions_[words_[k].mention].entity].e.type ==
              EntityType::kPerson)
        return true;
      for (std::string_view p : {"he", "she", "they", "him", "her", "them"})
        if (words_[k].upos == "PRON" && EqualsIgnoreCase(words_[k].form, p))
          return true;
    }
    if (wanted("@number")) {
      if (words_[k].upos == "NUM") return true;
      for (int c : Children(k))
        if (words_[c].deprel == "nummod") return true;
    }
    return false;
  };
  // (An object written "!lemma" stops the trigger; a list of only those
  // needs no object.)
  auto stops = [&](int k) {
    for (const std::string& o : objects)
      if (o.starts_with('!') && words_[k].lemma == o.substr(1)) return true;
    return false;
  };
  const bool needs =
      std::any_of(objects.begin(), objects.end(),
                  [](const std::string& o) { return !o.starts_with('!'); });
  bool found = !needs, any = false;
  for (int c : Children(w)) {
    const std::string_view d = Base(words_[c].deprel);
    // ("backed Altavia with $400 million": what a verb does with.)
    const bool object = words_[w].upos == "VERB"
                            ? d == "obj" || words_[c].deprel == "nsubj:pass" ||
                                  (d == "obl" && CaseOf(c) == "with")
                            : d == "nmod" || d == "compound";
    if (!object) continue;
    any = true;
    if (stops(c)) return false;
    found |= fits(c);
    // (Through a share of it: "10 percent of its staff", "half of the
    // jobs"; not "the pensions of older workers".)
    bool share = words_[c].upos == "NUM";
    for (int cc : Children(c)) share |= words_[cc].deprel == "nummod";
    for (std::string_view q : {"percent", "half", "third", "quarter", "fifth",
                               "tenth", "share", "number", "part", "%"})
      share |= words_[c].lemma == q;
    for (int cc : Children(c)) {
      found |= share && Base(words_[cc].deprel) == "nmod" && fits(cc);
      // (The parser may hang the "with" phrase on the object.)
      found |= words_[w].upos == "VERB" && CaseOf(cc) == "with" && fits(cc);
    }
  }
  // (@none: the trigger without any object, said of a career: "Blake had
  // left of his own accord", "left to join Centerview", "left in 2014",
  // "the board asked him to leave", "has no plans to leave". Not "I left",
  // "left for Syria", "left behind a career", "373 days left", nor a photo's
  // caption: "Anton Reel, left, and ...", "(left)".)
  if (found || any || !wanted("@none")) return found;
  // ("went on leave", "paid leave": the noun, whatever its tag.)
  if (w > 0 && (words_[w - 1].upos == "ADP" || words_[w - 1].upos == "DET" ||
                words_[w - 1].upos == "ADJ" ||
                EqualsIgnoreCase(words_[w - 1].form, "on")))
    return false;
  bool career = false;
  for (int c : Children(w)) {
    const std::string_view d = Base(words_[c].deprel);
    if (d == "compound" || (d == "obl" && CaseOf(c) == "for")) return false;
    career |= d == "obl" && words_[c].lemma == "accord";
    // ("left in 2014", "left in May": a date says when a post was left.)
    const std::string_view f = words_[c].form;
    career |=
        d == "obl" && CaseOf(c) == "in" &&
        ((f.size() == 4 &&
          std::all_of(f.begin(), f.end(),
                      [](char x) {
                        return std::isdigit(static_cast<unsigned char>(x)) != 0;
                      })) ||
         Month(Lower(f)) > 0);
    if (d == "xcomp" || d == "advcl") {
      for (int cc : Children(c)) {
        career |= words_[cc].deprel == "mark" &&
                  EqualsIgnoreCase(words_[cc].form, "to");
      }
    }
  }
  if (const int h = words_[w].head;
      h >= 0 && h < w &&
      (Base(words_[w].deprel) == "xcomp" || Base(words_[w].deprel) == "acl")) {
    for (std::string_view l :
         {"ask", "plan", "decide", "announce", "expect", "intend", "want",
          "agree", "choose", "force", "pressure", "urge", "prepare", "tell"})
      career |= words_[h].lemma == l;
  }
  return career;
}

// "on Thursday", "yesterday", "March 3": an ISO date resolved against the
// publish date, read from the subtree of w; "" when there is none.
std::string DocState::ResolveTime(int w) const {
  int64_t pub = 0;
  bool has_pub = ParseIsoDate(doc_.published, &pub);
  for (int k = words_[w].lo; k <= words_[w].hi; ++k) {
    std::string low = Lower(words_[k].form);
    if (int wd = Weekday(low); wd >= 0 && has_pub) {
      // 1970-01-01 was a Thursday (3 with Monday 0). News speaks of the
      // last such day, or today.
      int64_t today = ((pub % 7) + 7 + 3) % 7;
      int64_t back = (today - wd + 7) % 7;
      return IsoDate(CivilFromDays(pub - back));
    }
    if (has_pub && low == "yesterday") return IsoDate(CivilFromDays(pub - 1));
    if (has_pub && low == "today") return IsoDate(CivilFromDays(pub));
    if (has_pub && low == "tomorrow") return IsoDate(CivilFromDays(pub + 1));
    if (int mo = Month(low); mo > 0 && low != "may") {
      // "March 3", "March 3, 2025", "3 March 2025".
      int day = 0, year = 0;
      auto number = [&](int at) {
        if (at < words_[w].lo || at > words_[w].hi) return 0;
        std::string_view f = words_[at].form;
        int v = 0;
        for (char c : f) {
          if (c < '0' || c > '9') return 0;
          v = v * 10 + (c - '0');
        }
        return f.size() <= 4 ? v : 0;
      };
      int next = number(k + 1), prev = number(k - 1);
      if (next >= 1 && next <= 31) {
        day = next;
      } else if (prev >= 1 && prev <= 31) {
        day = prev;
      }
      int y1 = number(k + 2), y2 = number(k + 3);
      if (y1 >= 1900) {
        year = y1;
      } else if (y2 >= 1900) {
        year = y2;
      } else if (day == 0 && next >= 1900) {
        year = next;
      }
      if (day == 0) continue;
      if (year == 0) {
        if (!has_pub) continue;
        std::string iso = IsoDate(CivilFromDays(pub));
        year = std::stoi(iso.substr(0, 4));
      }
      return IsoDate(CivilFromDays(DaysFromCivil(year, mo, day)));
    }
  }
  return {};
}

// When each statement was made, as the article tells it (Statement::said_on
// and retold). Only the words that modify the cue are read: a date inside
// what is said ("said the plant would close on Friday") is the claim's.
void DocState::DateStatements() {
  int64_t pub = 0;
  const bool has_pub = ParseIsoDate(doc_.published, &pub);
  const std::string today = has_pub ? IsoDate(CivilFromDays(pub)) : "";
  const int n = static_cast<int>(words_.size());
  for (Statement& st : statements_) {
    if (st.kind == StatementKind::kReporter) continue;
    // The cue's own head: its word whose head lies outside it.
    int v = -1;
    for (int w = FirstWordFrom(st.cue.begin);
         w >= 0 && w < n && words_[w].span.begin < st.cue.end; ++w) {
      const int h = words_[w].head;
      if (h < 0 || words_[h].span.begin < st.cue.begin ||
          words_[h].span.begin >= st.cue.end) {
        v = w;
        break;
      }
    }
    if (v < 0) continue;
    std::string date;
    bool earlier = false;
    // "stood before investors on April 7 and said ...": the date of the
    // verb the cue is joined to is the cue's too.
    int heads[2] = {v, words_[v].deprel == "conj" ? words_[v].head : -1};
    for (int h : heads) {
      if (h < 0) continue;
      for (int c : Children(h)) {
        const std::string_view d = words_[c].deprel;
        const std::string_view b = Base(d);
        const std::string low = Lower(words_[c].form);
        if (b == "aux" && low == "had" && h == v) earlier = true;
        if (b != "obl" && b != "advmod" && d != "nmod:tmod") continue;
        // A short phrase: "on April 7", "in a joint statement on April 28",
        // "last week"; a long one is more than a time.
        if (words_[c].hi - words_[c].lo > 7) continue;
        if (date.empty()) date = ResolveTime(c);
        for (int k = words_[c].lo; k <= words_[c].hi; ++k) {
          const std::string word = Lower(words_[k].form);
          if (word == "earlier" || word == "previously" || word == "ago" ||
              word == "formerly" ||
              (word == "last" && k < words_[c].hi &&
               words_[k + 1].upos == "NOUN"))
            earlier = true;
        }
      }
    }
    // "three weeks after Brightwater's chief executive dismissed a
    // report", "weeks before both companies denied a report", "since the
    // company denied ...": a time clause days or more away from the
    // article's event. ("Shares fell after Ford denied the report" is most
    // often the same day's news.)
    if (Base(words_[v].deprel) == "advcl") {
      for (int c : Children(v)) {
        if (words_[c].deprel != "mark") continue;
        const std::string low = Lower(words_[c].form);
        bool days_before = low == "since";
        if (low == "after" || low == "following" || low == "before") {
          for (int k = std::max(0, c - 3); k < c; ++k) {
            const std::string unit = Lower(words_[k].form);
            days_before |= unit == "day" || unit == "days" || unit == "week" ||
                           unit == "weeks" || unit == "month" ||
                           unit == "months" || unit == "year" ||
                           unit == "years";
          }
        }
        if (days_before) earlier = true;
      }
    }
    // "Brightwater's Kestrel denial under scrutiny": an answer named as
    // someone's is one already given. (Not any noun: "Ford's statement
    // said" may be today's.)
    if (words_[v].upos == "NOUN") {
      const std::string& l = words_[v].lemma;
      const bool answer = l == "denial" || l == "confirmation" ||
                          l == "rebuttal" || l == "dismissal" ||
                          l == "admission" || l == "retraction";
      for (int c : Children(v))
        if (answer && words_[c].deprel == "nmod:poss") earlier = true;
    }
    if (!date.empty() && has_pub) {
      if (date > today) {
        date.clear();  // a statement is not made after its article
      } else if (date < today) {
        earlier = true;
      }
    }
    st.said_on = std::move(date);
    st.retold = earlier;
  }
}

// The statement whose content holds span s, innermost; -1 for none.
int DocState::StatementHolding(Span s) const {
  int best = -1;
  uint32_t best_len = UINT32_MAX;
  for (size_t k = 0; k < statements_.size(); ++k) {
    const Statement& st = statements_[k];
    if (st.kind == StatementKind::kReporter) continue;
    if (st.content.begin <= s.begin && s.end <= st.content.end &&
        st.content.end - st.content.begin < best_len) {
      best = static_cast<int>(k);
      best_len = st.content.end - st.content.begin;
    }
  }
  return best;
}

// Whether the statement's speaker is a party to the claim, or speaks for one
// ("a Ford spokeswoman", "Jim Farley, CEO of Ford").
bool DocState::SpeaksFor(const Statement& st, const ClaimBuild& c) const {
  std::vector<int> who = st.speaker.entities;
  if (st.speaker.entity >= 0) who.push_back(st.speaker.entity);
  for (int e : who) {
    if (std::find(c.parties.begin(), c.parties.end(), e) != c.parties.end())
      return true;
    for (const std::string& role : entities_[e].e.roles) {
      for (int p : c.parties)
        if (role.find(entities_[p].e.name) != std::string::npos) return true;
    }
  }
  // A government speaks for its country: "the trade ministry", "Trade
  // Minister Hendra Wirawan" answer for Indonesia.
  auto governs = [&](int e) {
    if (e < 0) return false;
    const EntityBuild& b = entities_[e];
    if (b.e.type == EntityType::kGov) return true;
    for (const std::string& role : b.e.roles) {
      std::string low = Lower(role);
      if (low.find("former") != std::string::npos) continue;
      for (std::string_view title :
           {"minister", "ministry", "president", "prime minister", "secretary",
            "government", "spokes"})
        if (low.find(title) != std::string::npos) return true;
    }
    return false;
  };
  std::string low_name = Lower(st.speaker.name);
  bool government =
      std::any_of(who.begin(), who.end(), governs) ||
      (who.empty() && (low_name.find("ministry") != std::string::npos ||
                       low_name.find("government") != std::string::npos));
  if (government) {
    for (int p : c.parties) {
      EntityType t = entities_[p].e.type;
      if (t == EntityType::kGpe || t == EntityType::kGov) return true;
    }
  }
  return false;
}

// The claim stated by the trigger at words [first, last): reads its clause
// and fills `out`. False when the trigger is not a claim of its own (inside
// another trigger's complement) or names no participant.
bool DocState::ReadClaim(int first, int last, const std::string& cls_in,
                         const std::string& family_in, const std::string& cameo,
                         const std::string& plover,
                         const std::vector<int>& trigger_at, ClaimBuild* out,
                         bool negated) {
  // (Both may change below: two parties doing a thing together cooperate.)
  std::string cls = cls_in, family = family_in;
  int t = first;
  for (int k = first; k < last; ++k) {
    int h = words_[k].head;
    if (h < first || h >= last) {
      t = k;
      break;
    }
  }
  const bool noun = IsNoun(words_[t]);
  // "in talks to acquire Brannock": talks about a deal are the deal's
  // (a hedged acquisition, read at its own trigger), not a claim of talks.
  if (cls == "negotiate") {
    for (int k = first; k < last; ++k) {
      for (int c : Children(k)) {
        std::string_view b = Base(words_[c].deprel);
        if ((b == "acl" || b == "xcomp") && trigger_at[c] >= 0) {
          const std::string& inner = lex_.predicates()[trigger_at[c]].cls;
          if (inner != "negotiate" && inner != "cooperate") return false;
        }
      }
    }
  }
  std::vector<int> agents, partners, targets, further, theme;
  // The subject, when it names no entity: it stands in the theme until the
  // participants are written, then says who acts.
  int subject_text = -1;
  std::string location, time;
  bool vague_partner = false;
  bool positive = !negated;
  Modality modality = Modality::kAsserted;

  auto inside = [&](int k) { return k >= first && k < last; };
  auto scan_cues = [&](int k) {
    if (auto m = LongestAt(k, LexiconKind::kHedge))
      modality = Weaker(modality, lex_.hedges()[m->entry].modality);
  };
  auto scan_negation = [&](int k) {
    if (LongestAt(k, LexiconKind::kNegation)) positive = negated;
  };
  auto place_of = [&](int k) -> std::string {
    int e = EntityAt(k);
    if (e < 0) return {};
    if (CoarseType(entities_[e].e.type) != EntityType::kPlace) return {};
    return entities_[e].e.name;
  };
  // The arguments of one word of the path from the trigger to its subject.
  auto read_children = [&](int n, int from, bool own) {
    for (int c : Children(n)) {
      if (inside(c) || c == from) continue;
      std::string_view d = words_[c].deprel;
      std::string_view b = Base(d);
      std::vector<int> others;
      if (d == "nsubj" || d == "nsubj:outer" || d == "csubj") {
        // (Not a dateline the parser made a second subject: "CALDER, March
        // 3 — Aides to Senator Varden stepped up their attacks".)
        if (const int dash = DatelineDash(c); dash >= 0 && c < dash) continue;
        if (agents.empty()) {
          const size_t before = theme.size();
          CollectArgs(c, &agents, &further, &theme);
          if (agents.empty() && theme.size() > before && subject_text < 0)
            subject_text = theme[before];
        }
      } else if (d == "nsubj:pass" && own) {
        CollectArgs(c, &targets, &further, &theme);
      } else if (d == "obl:agent") {
        CollectArgs(c, &agents, &further, &others);
      } else if ((b == "obj" || b == "iobj") && own) {
        CollectArgs(c, &targets, &further, &theme);
        // "negotiating a joint venture with Quillon".
        for (int g : Children(c)) {
          if (Base(words_[g].deprel) != "nmod") continue;
          std::string k = CaseOf(g);
          if (k == "with" || k == "alongside") {
            CollectArgs(g, &partners, &further, &others);
          } else if (k == "between" || k == "among") {
            CollectArgs(g, &agents, &further, &others);
          } else if (k == "in" || k == "into") {
            // "invest $400 million in Altavia Solar".
            std::vector<int> ents;
            CollectArgs(g, &ents, &further, &others);
            for (int e : ents) {
              if (CoarseType(entities_[e].e.type) == EntityType::kOrg)
                AddUnique(&targets, e);
            }
          }
        }
      } else if (b == "obl" || b == "nmod") {
        std::string k = CaseOf(c);
        std::string p = place_of(c);
        if (k == "with" || k == "alongside") {
          CollectArgs(c, &partners, &further, &others);
          // "talks with everyone": a partner is named, and it is no one
          // in particular.
          if (!others.empty()) vague_partner = true;
        } else if (own && !noun && (k == "to" || k == "on") &&
                   family == "cooperate") {
          // "agreed to a ceasefire with the government", "agreed on a
          // deal with Quillon": the partner is named with what is agreed.
          for (int g : Children(c)) {
            const std::string gk = CaseOf(g);
            if (Base(words_[g].deprel) == "nmod" &&
                (gk == "with" || gk == "alongside"))
              CollectArgs(g, &partners, &further, &others);
          }
        } else if (k == "between" || k == "among") {
          CollectArgs(c, &agents, &further, &others);
        } else if ((k == "from" || k == "by") && own && noun) {
          CollectArgs(c, &agents, &further, &others);
        } else if (k == "by" && own) {
          CollectArgs(c, &agents, &further, &others);
        } else if (!p.empty() &&
                   (k == "in" || k == "within" || k == "inside" ||
                    k == "across" || k == "throughout" || k == "into")) {
          if (location.empty()) location = p;
        } else if ((k == "in" || k == "into") && own) {
          // "invest $400 million in Altavia Solar", "a stake in Kestrel";
          // "invest in its research centre in Ottawa" is about the centre.
          std::vector<int> ents;
          CollectArgs(c, &ents, &further, &others);
          for (int e : ents) {
            if (CoarseType(entities_[e].e.type) == EntityType::kOrg)
              AddUnique(&targets, e);
          }
          if (ents.empty() && (family == "invest" || family == "build"))
            for (int w : others) theme.push_back(w);
        } else if (k.empty() && own && c > t && words_[c].lo > 0 &&
                   (words_[words_[c].lo].form == "," ||
                    words_[words_[c].lo - 1].form == ",") &&
                   words_[c].mention >= 0 &&
                   mentions_[words_[c].mention].named) {
          // "sue its former auditor, Penhale Grant, over ...": a name in
          // apposition to the object, parsed as an oblique of the verb.
          CollectArgs(c, &targets, &further, &others);
        } else if (const int o = words_[c].lo - 1;
                   k.empty() && own && c > t && o > t && words_[o].head == n &&
                   Base(words_[o].deprel) == "obj" &&
                   words_[o].upos == "NOUN" && words_[c].mention >= 0 &&
                   mentions_[words_[c].mention].named) {
          // "buy British forecasting company Kestrel Analytics PLC": the
          // name right after the object's noun is the object; the noun
          // only says what it is.
          const size_t had = targets.size();
          CollectArgs(c, &targets, &further, &others);
          if (targets.size() > had)
            theme.erase(std::remove(theme.begin(), theme.end(), o),
                        theme.end());
        } else if ((k == "against" || k == "on" || k == "toward" ||
                    k == "towards" || k == "over") &&
                   own) {
          CollectArgs(c, &targets, &further, &others);
        } else if ((k == "of" || k == "for" || k == "to") && own && noun) {
          // "acquisition of Twitter", "praise for Chinese EV technology".
          std::vector<int> ents;
          CollectArgs(c, &ents, &further, &theme);
          for (int e : ents) AddUnique(&targets, e);
        }
        if (time.empty() && (d == "obl:tmod" || d == "nmod:tmod" || k == "on" ||
                             k == "in" || k == "at" || k == "")) {
          time = ResolveTime(c);
        }
      } else if (d == "nmod:poss" && own && noun) {
        CollectArgs(c, &agents, &further, &others);
      } else if (d == "compound" && own && noun) {
        // "Ford-Xiaomi talks", "U.S.-China cooperation"; but a "U.S.
        // venture" is one in the United States, not the country's own.
        std::vector<int> named;
        for (int k = words_[c].lo; k <= words_[c].hi; ++k) {
          int m = words_[k].mention;
          if (m >= 0 && !mentions_[m].weak)
            AddUnique(&named, mentions_[m].entity);
        }
        bool places = true;
        for (int e : named)
          places &= CoarseType(entities_[e].e.type) == EntityType::kPlace;
        if (places && named.size() == 1) {
          if (location.empty()) location = entities_[named[0]].e.name;
        } else {
          for (int e : named) AddUnique(&agents, e);
        }
      } else if (d == "amod" && own && noun) {
        int m = words_[c].mention;
        if (m >= 0 && !mentions_[m].weak)
          AddUnique(&agents, mentions_[m].entity);
      } else if (b == "ccomp" && own && family == "demand" &&
                 words_[c].upos == "VERB") {
        // "demanded that Harlow Motors disclose any contacts with Quillon":
        // whom the demand is made of, and what it asks.
        for (int g : Children(c))
          if (StartsWith(words_[g].deprel, "nsubj"))
            CollectArgs(g, &targets, &further, &others);
        theme.push_back(c);
      } else if ((b == "acl" || b == "xcomp" || b == "advcl") && own) {
        // The clause a trigger governs says where and what: "talks to
        // establish operations within the United States".
        for (int k = words_[c].lo; k <= words_[c].hi && location.empty(); ++k) {
          if (Base(words_[k].deprel) == "obl" && words_[k].head != k) {
            std::string ck = CaseOf(k);
            if (ck == "in" || ck == "within" || ck == "inside")
              location = place_of(k);
          }
        }
      } else if (d == "obl:tmod" || d == "advmod:tmod") {
        if (time.empty()) time = ResolveTime(c);
      }
      if (b == "advmod" || b == "det" || b == "aux" || b == "amod" ||
          b == "neg" || b == "case" || b == "mark" || b == "cop") {
        scan_negation(c);
        scan_cues(c);
      }
    }
    if (!inside(n)) scan_cues(n);
  };

  // A multi-word trigger's arguments may hang from any of its words: "held
  // talks with Quillon".
  read_children(t, -1, true);
  for (int k = first; k < last; ++k)
    if (k != t) read_children(k, -1, true);
  for (int k = first; k < last; ++k) scan_cues(k);
  // "Rumors of a collaboration", "no plans to collaborate": the noun a
  // trigger hangs from colours it.
  if (int h = words_[t].head; h >= 0) {
    std::string_view b = Base(words_[t].deprel);
    if (b == "nmod" || b == "acl" || b == "xcomp") {
      scan_cues(h);
      for (int c : Children(h)) {
        std::string_view cb = Base(words_[c].deprel);
        if (cb == "det" || cb == "amod" || cb == "advmod") {
          scan_negation(c);
          scan_cues(c);
        }
        // ("had no plans to launch", with the plans read as the object
        // of "had" and the trigger as its complement.)
        if (b == "xcomp" && cb == "obj" && c < t) {
          bool determined = false;
          for (int d : Children(c)) {
            if (d > c || Base(words_[d].deprel) != "det") continue;
            scan_negation(d);
            determined = true;
          }
          if (determined) scan_cues(c);
        }
      }
    }
  }
  // A speech act that is a claim too ("warning against ...", "praised"):
  // its agent is the statement's speaker.
  bool spoken = false;
  for (const Statement& st : statements_) {
    if (st.kind == StatementKind::kReporter) continue;
    if (words_[t].span.begin < st.cue.begin || words_[t].span.end > st.cue.end)
      continue;
    if (st.speaker.entity >= 0) {
      agents.assign(1, st.speaker.entity);
      spoken = true;
    } else if (!st.speaker.entities.empty()) {
      agents = st.speaker.entities;
      spoken = true;
    }
    break;
  }
  // Climb to the clause head: control ("plans to collaborate"), light verbs
  // and copulas ("was in discussions", "exploring a joint venture"), reduced
  // relatives ("policies blocking Chinese EVs"). The subject is read on the
  // way while none is found; negation and hedges all the way ("would likely
  // face opposition"). A speech verb or a finite clause ends the climb: what
  // a speaker denies is not negated by the denial.
  bool own_subject = false;
  // A subject that is the clause's own, not a relative pronoun standing for
  // the noun the clause hangs on ("the contract that was rigged", "Xiaomi,
  // which denied ...", "two Democrats, both of whom opposed ...", "the
  // League, whose political arm has endorsed ...").
  bool subject_of_its_own = false;
  for (int c : Children(t)) {
    if (!StartsWith(words_[c].deprel, "nsubj")) continue;
    own_subject = true;
    bool relative = false;
    for (int k = words_[c].lo; k <= words_[c].hi && !relative; ++k) {
      for (std::string_view r : {"that", "which", "who", "whom", "whose"})
        relative |= EqualsIgnoreCase(words_[k].form, r);
    }
    subject_of_its_own |= !relative;
  }
  int n = t;
  bool closed = false;  // no agent is read above the clause
  for (int depth = 0; depth < 5; ++depth) {
    std::string_view b = Base(words_[n].deprel);
    bool nonfinite = false;
    for (int c : Children(n)) {
      if (words_[c].deprel == "mark" && Lower(words_[c].form) == "to")
        nonfinite = true;
    }
    if (EndsWith(words_[n].form, "ing")) nonfinite = true;
    bool climb = b == "xcomp" || b == "acl" || b == "obj" || b == "nmod" ||
                 b == "conj" || b == "compound" ||
                 (b == "obl" && (CaseOf(n) == "in" || CaseOf(n) == "into")) ||
                 (b == "advcl" && nonfinite);
    int h = words_[n].head;
    if (!climb || h < 0) break;
    // "warned against chasing rumors": what one speaks or acts against is
    // not what one does.
    bool against = false;
    for (int c : Children(n))
      against |= (words_[c].deprel == "mark" || words_[c].deprel == "case") &&
                 EqualsIgnoreCase(words_[c].form, "against");
    if (against) break;
    // A speech verb ends the climb when it answers ("did not confirm the
    // talks") or takes the trigger as its object ("praised the deal").
    int len = 0;
    if (const SpeechVerb* sv = SpeechVerbAt(h, &len);
        sv && (sv->stance == StanceHint::kDeny ||
               sv->stance == StanceHint::kConfirm ||
               sv->stance == StanceHint::kNoComment ||
               (b == "obj" && words_[h].upos == "VERB"))) {
      // (Its subject still does what it agrees or refuses to do:
      // "Brightwater agreed to buy Kestrel".)
      if (b == "xcomp" && agents.empty() && !own_subject) {
        std::vector<int> others;
        for (int c : Children(h))
          if (words_[c].deprel == "nsubj")
            CollectArgs(c, &agents, &further, &others);
      }
      break;
    }
    // Inside another trigger's complement: part of that claim ("talks to
    // establish operations"), unless it is a speech act of its own.
    // But talks about a deal are about the deal: "in talks to acquire
    // Brannock" is a hedged acquisition.
    if (trigger_at[h] >= 0 && !spoken && !own_subject) {
      const PredicateTrigger& outer = lex_.predicates()[trigger_at[h]];
      bool specific = outer.cls == "negotiate" && cls != "negotiate" &&
                      cls != "cooperate" && (b == "acl" || b == "xcomp");
      if (!specific) return false;
      modality = Weaker(modality, Modality::kHedged);
    }
    if (b == "nmod" && n != t) break;
    // Object control: "called on Dornfield to retrain the workers", "urged
    // the board to sell" — the one called on does it.
    int cue_len = 0;
    if (agents.empty() && !closed &&
        (b == "xcomp" ||
         (b == "advcl" && nonfinite && SpeechVerbAt(h, &cue_len)))) {
      for (int c : Children(h)) {
        std::string_view cd = words_[c].deprel;
        if (c == n) continue;
        // ("appeared on "Fox & Friends" to defend her" is no call.)
        if (Base(cd) == "obj" || (Base(cd) == "obl" && CaseOf(c) == "on" &&
                                  words_[h].lemma == "call")) {
          std::vector<int> ents, others;
          CollectArgs(c, &ents, &further, &others);
          if (!ents.empty()) agents = ents;
          break;
        }
      }
      if (!agents.empty()) break;
    }
    // The noun a clause hangs on does what the clause says, unless the
    // clause has a subject of its own: "claims that the contract was
    // rigged", "the company Ford bought", "told CBS's "Face the Nation"
    // that the contract was rigged" with the clause taken for a relative.
    // Then nothing above it does: "she was with Phelps when he was
    // arrested" is not her arrest.
    if (b == "acl" && n == t && subject_of_its_own) closed = true;
    if (agents.empty() && !closed && (b == "acl" || (b == "nmod" && n == t)) &&
        IsNoun(words_[h])) {
      std::vector<int> ents, others;
      CollectArgs(h, &ents, &further, &others);
      if (!ents.empty()) agents = ents;
    }
    if (agents.empty()) {
      // (Above a closed clause only the place and the day are read.)
      const size_t themes = theme.size(), furthers = further.size();
      const int subject = subject_text;
      read_children(h, n, false);
      if (closed) {
        agents.clear();
        theme.resize(themes);
        further.resize(furthers);
        subject_text = subject;
      }
    } else {
      scan_cues(h);
    }
    for (int c : Children(h)) {
      std::string_view cb = Base(words_[c].deprel);
      if (c == n) continue;
      if (cb == "advmod" || cb == "det" || cb == "aux") {
        scan_negation(c);
        scan_cues(c);
      }
    }
    n = h;
  }
  // Who can act: people, organisations, governments and countries. A city
  // or a dateline ("WASHINGTON —") is where, an outlet is who tells, a
  // product or an event is what.
  auto can_act = [&](int e) {
    const EntityBuild& b = entities_[e];
    switch (b.e.type) {
      case EntityType::kPerson:
      case EntityType::kOrg:
      case EntityType::kGov:
        return true;
      case EntityType::kGpe:
      case EntityType::kPlace:
        return !b.gaz || std::find(b.gaz->kinds.begin(), b.gaz->kinds.end(),
                                   "country") != b.gaz->kinds.end();
      default:
        return false;
    }
  };
  auto keep_actors = [&](std::vector<int>* v) {
    v->erase(std::remove_if(v->begin(), v->end(),
                            [&](int e) { return !can_act(e); }),
             v->end());
  };
  keep_actors(&agents);
  keep_actors(&partners);
  // "will close Guimarães plant", parsed as closing Guimarães: a town or a
  // region is where a site closes or opens, not what does; a country may
  // be either ("closed its border to Ukraine").
  if (family == "close" || family == "build") {
    for (auto it = targets.begin(); it != targets.end();) {
      const EntityBuild& b = entities_[*it];
      const bool country =
          b.gaz && std::find(b.gaz->kinds.begin(), b.gaz->kinds.end(),
                             "country") != b.gaz->kinds.end();
      if (CoarseType(b.e.type) != EntityType::kPlace || country) {
        ++it;
        continue;
      }
      if (location.empty()) location = b.e.name;
      it = targets.erase(it);
    }
  }
  // "The Network Security Board on Thursday banned ...": the day hung on
  // the subject is the event's.
  if (time.empty() && !noun) {
    for (int c : Children(t)) {
      if (!StartsWith(words_[c].deprel, "nsubj")) continue;
      for (int g : Children(c)) {
        if (StartsWith(words_[g].deprel, "nmod") && CaseOf(g) == "on" &&
            Weekday(Lower(words_[g].form)) >= 0)
          time = ResolveTime(g);
      }
    }
  }
  // "close its weaving plant in Maribor", "open a new plant in Arizona":
  // the place of what the claim is about is the claim's place.
  for (size_t k = 0; k < theme.size() && location.empty(); ++k) {
    for (int c : Children(theme[k])) {
      std::string ck = CaseOf(c);
      if (Base(words_[c].deprel) == "nmod" &&
          (ck == "in" || ck == "near" || ck == "outside" || ck == "at")) {
        location = place_of(c);
        if (!location.empty()) break;
      }
    }
  }
  // "The Guimarães plant is not closing", "its factory will stay open": a
  // site that closes or opens does so by its owner's decision. The owner
  // is the site's possessor ("its", "Aldmere's"), else the company whose
  // own statement says it.
  // Only a particular site is someone's: "the plant", "its factory",
  // "the Guimarães plant", not "at least 40 workshops" nor "talks".
  auto particular = [&](int w) {
    for (int c : Children(w)) {
      std::string_view d = words_[c].deprel;
      if (d == "nummod") return false;
      if (d == "nmod:poss" ||
          (d == "det" && (EqualsIgnoreCase(words_[c].form, "the") ||
                          EqualsIgnoreCase(words_[c].form, "this"))))
        return true;
    }
    return false;
  };
  const bool site = !theme.empty() && !noun && particular(theme.front()) &&
                    (family == "close" || family == "build");
  if (agents.empty() && site) {
    auto org = [&](int e) {
      return e >= 0 && entities_[e].e.type == EntityType::kOrg;
    };
    for (int c : Children(theme.front())) {
      if (words_[c].deprel == "nmod:poss" && org(EntityAt(c)))
        agents.push_back(EntityAt(c));
    }
    if (agents.empty()) {
      int si = StatementHolding(words_[t].span);
      if (si >= 0) {
        int e = statements_[si].speaker.entity;
        if (org(e)) {
          agents.push_back(e);
        } else if (e >= 0) {
          for (const std::string& role : entities_[e].e.roles) {
            for (size_t o = 0; o < entities_.size() && agents.empty(); ++o) {
              if (org(static_cast<int>(o)) &&
                  EndsWith(role, " of " + entities_[o].e.name))
                agents.push_back(static_cast<int>(o));
            }
          }
        }
      }
    }
  }
  // A restriction names whom it hits somewhere in its clause: "banned
  // agencies from buying routers made by Nordvale Telecom", "tariffs on
  // imports from China".
  if (cls == "restrict" && targets.empty()) {
    for (int k = words_[t].lo; k <= words_[t].hi && targets.empty(); ++k) {
      int m = words_[k].mention;
      if (m < 0 || mentions_[m].weak) continue;
      int e = mentions_[m].entity;
      EntityType ct = CoarseType(entities_[e].e.type);
      if ((ct == EntityType::kOrg || ct == EntityType::kPlace) &&
          std::find(agents.begin(), agents.end(), e) == agents.end() &&
          entities_[e].e.type != EntityType::kOutlet)
        targets.push_back(e);
    }
  }
  // People resign; a business that "left for somewhere else" moved.
  if (cls == "resign" && !agents.empty() &&
      entities_[agents[0]].e.type != EntityType::kPerson)
    return false;
  // One appoints people: "Apple would choose a Samsung chip" is no
  // appointment, "Carrick named Lena Varga" is.
  if (cls == "appoint") {
    bool person = false;
    for (int e : targets) person |= entities_[e].e.type == EntityType::kPerson;
    for (int w : theme) {
      int e = EntityAt(w);
      person |= e >= 0 && entities_[e].e.type == EntityType::kPerson;
      person |= static_cast<bool>(LongestAt(w, LexiconKind::kRole));
    }
    if (!person) return false;
  }
  // Nobody resigns in the passive: "the dog was left at the station".
  if (cls == "resign") {
    for (int c : Children(t)) {
      if (words_[c].deprel == "aux:pass" || words_[c].deprel == "nsubj:pass")
        return false;
    }
  }
  // Relative and interrogative pronouns say nothing by themselves.
  theme.erase(std::remove_if(theme.begin(), theme.end(),
                             [&](int w) {
                               return words_[w].upos == "PRON" ||
                                      words_[w].upos == "DET" ||
                                      EntityAt(w) >= 0 ||
                                      Weekday(Lower(words_[w].form)) >= 0;
                             }),
              theme.end());
  // A trigger that is the object of a speech verb reports nothing of its
  // own agent ("praised the deal"): keep its parties only when they are
  // named in the clause itself.
  // "the whole mill could close": a site's closure or opening with no owner
  // in sight waits for the article's other claims to name who does it (see
  // FindClaims); any other claim needs a participant.
  const bool site_only =
      agents.empty() && partners.empty() && targets.empty() && site;
  if (agents.empty() && partners.empty() && targets.empty() && !site_only)
    return false;
  // Most events need a second participant to say anything: "Apple
  // acquires" is no claim, "Apple acquires Beats" is. Some stand alone:
  // a resignation, a closure, lay-offs, a strike.
  // (An act of words stands alone only as a verb or as a statement's cue:
  // "X warned against ...", not "pressure from investors" nor "approval
  // from shareholders", whose noun leaves what is wanted or backed unsaid.)
  static constexpr std::string_view kAlone[] = {
      "resign",  "close", "layoff",    "protest",   "mobilize", "retreat",
      "concede", "crime", "cooperate", "negotiate", "agree",    "merge"};
  static constexpr std::string_view kAloneAsVerbs[] = {
      "criticize", "threaten", "support", "praise", "reject", "demand"};
  bool alone = std::find(std::begin(kAlone), std::end(kAlone), cls) !=
                   std::end(kAlone) ||
               ((!noun || spoken) &&
                std::find(std::begin(kAloneAsVerbs), std::end(kAloneAsVerbs),
                          cls) != std::end(kAloneAsVerbs));
  if (!alone && partners.empty() && targets.empty() && theme.empty() &&
      location.empty())
    return false;

  Claim& c = out->c;
  c.predicate = cls;
  c.cameo = cameo;
  c.plover = plover;
  c.positive = positive;
  c.modality = modality;
  c.location = location;
  c.time = time;
  auto add = [&](std::string_view role, const std::vector<int>& ents) {
    for (int e : ents) {
      bool dup = false;
      for (const Participant& p : c.participants) dup |= p.entity == e;
      if (dup) continue;
      c.participants.push_back({std::string(role), e, entities_[e].e.name});
      AddUnique(&out->parties, e);
    }
  };
  add("agent", agents);
  add("partner", partners);
  add("target", targets);
  add("partner", further);
  // A subject that is no entity still says who: "Chinese companies". (An
  // object is no subject: "the policy of restricting Chinese EV imports"
  // names no one who restricts.)
  if (auto at = std::find(theme.begin(), theme.end(), subject_text);
      agents.empty() && at != theme.end() && !site_only) {
    auto [lo, hi] = NounPhrase(*at);
    std::string txt(Text(WordSpan(lo, hi)));
    if (txt.size() <= 80) c.participants.push_back({"agent", -1, txt});
    theme.erase(at);
  }
  for (int w : theme) {
    auto [lo, hi] = NounPhrase(w);
    // (A clause asked for reads from its verb, its subject being the
    // target, to its first comma.)
    if (family == "demand" && words_[w].upos == "VERB") {
      for (int g : Children(w))
        if (StartsWith(words_[g].deprel, "nsubj") && g < w)
          lo = std::max(lo, words_[g].hi + 1);
      for (int k = w + 1; k <= hi; ++k)
        if (words_[k].form == "," && !InAnyQuote(k)) hi = k - 1;
    }
    // ("expanded quickly into commercial property lending, a strategy that
    // paid off ...": the theme ends before its apposition.)
    for (int c : Children(w)) {
      if (words_[c].deprel != "appos" || words_[c].lo <= w) continue;
      hi = std::min(hi, words_[c].lo - 1);
      while (hi > w && IsPunct(words_[hi])) --hi;
    }
    // ("... license its technology to the venture rather than own
    // factories": the theme is "own factories".)
    while (lo < hi && lo < w &&
           (words_[lo].upos == "ADP" || words_[lo].upos == "CCONJ" ||
            words_[lo].upos == "SCONJ" || words_[lo].lemma == "rather"))
      ++lo;
    std::string txt(Text(WordSpan(lo, hi)));
    if (txt.size() > 80 || IsPunct(words_[w])) continue;
    c.participants.push_back({"theme", -1, txt});
  }

  // "had discussed building electric vehicles together": two parties
  // doing a thing together is their cooperation, the thing its theme.
  if (agents.size() >= 2 && partners.empty() && targets.empty() &&
      !Symmetric(family)) {
    bool together = false;
    for (int k : Children(t))
      together |= words_[k].deprel == "advmod" &&
                  (EqualsIgnoreCase(words_[k].form, "together") ||
                   EqualsIgnoreCase(words_[k].form, "jointly"));
    if (together) {
      cls = family = "cooperate";
      c.predicate = cls;
      c.cameo.clear();
      c.plover.clear();
    }
  }
  // The key: the family and the parties that make the proposition — the
  // first agent with the first partner or target; further partners and
  // places do not change which proposition it is.
  std::vector<std::string> side_a, side_b;
  auto name_of = [&](int e) { return LowerName(entities_[e].e.name); };

  if (!agents.empty()) side_a.push_back(name_of(agents[0]));
  if (agents.size() > 1 && partners.empty() && Symmetric(family))
    side_b.push_back(name_of(agents[1]));
  if (!partners.empty()) {
    side_b.push_back(name_of(partners[0]));
  } else if (!targets.empty()) {
    side_b.push_back(name_of(targets[0]));
  }
  // A subject that names no entity ("the logistics-software company")
  // stands in the key, but leaves the side open to completion.
  bool text_agent = false;
  if (side_a.empty() && !c.participants.empty() &&
      c.participants[0].entity < 0) {
    side_a.push_back(LowerName(c.participants[0].text));
    text_agent = true;
  }
  std::string key = family + ":";
  if (Symmetric(family)) {
    std::vector<std::string> all = side_a;
    all.insert(all.end(), side_b.begin(), side_b.end());
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    for (size_t k = 0; k < all.size(); ++k) key += (k ? "+" : "") + all[k];
  } else {
    for (size_t k = 0; k < side_a.size(); ++k) key += side_a[k];
    // A theme is phrased differently by every outlet ("the Guimarães
    // plant", "its factory"); the place and the time tell such claims
    // apart in the ledger, not the key.
    key += ">";
    if (!side_b.empty()) key += side_b[0];
  }
  c.key = key;
  out->family = family;
  out->vague = vague_partner;
  out->site_only = site_only;
  if (Symmetric(family)) {
    std::vector<std::string> all = side_a;
    all.insert(all.end(), side_b.begin(), side_b.end());
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    if (!all.empty()) out->side_a = all[0];
    if (all.size() > 1) out->side_b = all[1];
  } else {
    if (!side_a.empty() && !text_agent) out->side_a = side_a[0];
    out->side_b = key.substr(key.find('>') + 1);
  }

  // A readable paraphrase.
  auto names = [&](std::string_view role) {
    std::string s;
    for (const Participant& p : c.participants)
      if (p.role == role) s += (s.empty() ? "" : ", ") + p.text;
    return s;
  };
  std::string text = names("agent");
  const size_t after_agent = text.size();
  text += positive ? " " : " not ";
  text += PredicateWord(cls);
  if (std::string p = names("partner"); !p.empty()) text += " with " + p;
  if (std::string p = names("target"); !p.empty()) text += " " + p;
  if (std::string p = names("theme"); !p.empty()) text += " " + p;
  // ("open a larger plant in Braga", not "... in Braga in Braga".)
  if (!location.empty() &&
      text.find(" in " + location, after_agent) == std::string::npos)
    text += " in " + location;
  if (!time.empty()) text += " on " + time;
  if (!text.empty() && text[0] == ' ') text.erase(0, 1);
  c.text = text;

  double conf = 0.45;
  if (!agents.empty()) conf += 0.2;
  if (!partners.empty() || !targets.empty()) conf += 0.2;
  if (StartsWith(cls, "other:")) conf -= 0.15;
  c.confidence = std::min(conf, 0.95);
  c.evidence.push_back(sents_[words_[t].sent].span);

  if (const char* dbg = std::getenv("HEARSAY_EXTRACT_DEBUG");
      dbg && std::string_view(dbg) == "claims") {
    std::fprintf(stderr, "claim %s [%.*s] key=%s %s | %.*s\n", cls.c_str(),
                 static_cast<int>(Text(WordSpan(first, last - 1)).size()),
                 Text(WordSpan(first, last - 1)).data(), c.key.c_str(),
                 c.text.c_str(),
                 static_cast<int>(sents_[words_[t].sent].span.end -
                                  sents_[words_[t].sent].span.begin),
                 text_.data() + sents_[words_[t].sent].span.begin);
  }
  ClaimMention m;
  m.first = first;
  m.last = last;
  m.head = t;
  m.positive = positive;
  m.modality = modality;
  out->mentions.push_back(m);
  return true;
}

void DocState::FindClaims() {
  const int nw = static_cast<int>(words_.size());
  // Triggers first, so that a trigger can tell it sits inside another's
  // complement.
  struct Hit {
    int first, last, entry;
  };
  std::vector<Hit> hits;
  std::vector<int> trigger_at(words_.size(), -1);
  for (int w = 0; w < nw;) {
    int last = w + 1;
    int entry = IsPunct(words_[w]) ? -1 : PredicateAt(w, &last);
    if (entry < 0) {
      ++w;
      continue;
    }
    // Part of a name: "the Biden administration" is no insolvency.
    bool named = false;
    for (int k = w; k < last; ++k) {
      int m = words_[k].mention;
      named |= m >= 0 && mentions_[m].named && !mentions_[m].weak;
    }
    if (named) {
      w = last;
      continue;
    }
    // A speech cue that answers a report ("dismissed the claims", "denied
    // the report") is a stance, not a claim.
    int len = 0;
    const SpeechVerb* sv = SpeechVerbAt(w, &len);
    // ("launch" and "unveil" announce a thing by doing it: a claim. So
    // does agreeing to a thing rather than with words: "agreed to a
    // ceasefire with the government", "agreed a truce"; not "agreed that
    // the report was accurate", "agreed to buy Kestrel", whose purchase is
    // the claim, nor "agreed with Matthews", which shares a view.)
    bool agreement = false, clause = false;
    if (words_[w].lemma == "agree" && len == 1) {
      for (int c : Children(w)) {
        const std::string_view d = Base(words_[c].deprel);
        clause |= d == "ccomp" || d == "xcomp" || d == "csubj" ||
                  d == "advcl" || d == "parataxis";
        agreement |=
            c > w && (d == "obj" ||
                      (d == "obl" && (CaseOf(c) == "to" || CaseOf(c) == "on")));
      }
    }
    agreement &= !clause;
    if (sv && !agreement &&
        (sv->stance == StanceHint::kDeny ||
         sv->stance == StanceHint::kNoComment ||
         (sv->stance == StanceHint::kConfirm && sv->cls != "announce"))) {
      w = last;
      continue;
    }
    if (RefusesToDiscuss(w)) {
      w = last;
      continue;
    }
    hits.push_back({w, last, entry});
    for (int k = w; k < last; ++k) trigger_at[k] = entry;
    w = last;
  }

  std::vector<ClaimBuild> found;
  for (const Hit& h : hits) {
    const PredicateTrigger& p = lex_.predicates()[h.entry];
    ClaimBuild cb;
    std::string family = p.family.empty() ? p.cls : p.family;
    if (!ReadClaim(h.first, h.last, p.cls, family, p.cameo, p.plover,
                   trigger_at, &cb, p.negated))
      continue;
    found.push_back(std::move(cb));
  }
  // Statements whose content holds no listed trigger still claim something:
  // `other:<lemma>` of its main verb.
  for (const Statement& st : statements_) {
    if (st.kind == StatementKind::kDirect ||
        st.kind == StatementKind::kReporter)
      continue;
    bool has = false;
    for (const ClaimBuild& cb : found) {
      for (const ClaimMention& m : cb.mentions) {
        has |= words_[m.head].span.begin >= st.content.begin &&
               words_[m.head].span.end <= st.content.end;
      }
    }
    if (has) continue;
    int root = -1;
    for (int k = FirstWordFrom(st.content.begin);
         k < nw && words_[k].span.begin < st.content.end && root < 0; ++k) {
      const W& w = words_[k];
      if (w.span.begin < st.content.begin || w.span.end > st.content.end)
        continue;
      int h = w.head;
      bool top = h < 0 || words_[h].span.begin < st.content.begin ||
                 words_[h].span.end > st.content.end;
      if (top && w.upos == "VERB" && !consumed_[k]) root = k;
    }
    if (root < 0) continue;
    int len = 0;
    if (SpeechVerbAt(root, &len)) continue;
    // "said the company had no way to confirm the report": a content that
    // declines to answer is the answer, not a claim of its own.
    bool declines = false;
    for (int k = FirstWordFrom(st.content.begin);
         k < nw && words_[k].span.end <= st.content.end; ++k) {
      if (auto m = LongestAt(k, LexiconKind::kDenialCue)) {
        declines |=
            lex_.denial_cues()[m->entry].stance == StanceHint::kNoComment;
      }
    }
    if (declines) continue;
    // "said she took Harlow at its word": trusting what was said, nothing
    // done to Harlow.
    if (std::any_of(Children(root).begin(), Children(root).end(), [&](int c) {
          return Base(words_[c].deprel) == "obl" && CaseOf(c) == "at" &&
                 words_[c].lemma == "word";
        }))
      continue;
    std::string lemma = words_[root].lemma.empty() ? Lower(words_[root].form)
                                                   : words_[root].lemma;
    std::string cls = "other:" + lemma;
    ClaimBuild cb;
    std::vector<int> no_triggers(words_.size(), -1);
    if (!ReadClaim(root, root + 1, cls, cls, "", "", no_triggers, &cb))
      continue;
    bool named = false;
    for (const Participant& p : cb.c.participants)
      named |= p.entity >= 0 && p.role == "agent";
    if (named) found.push_back(std::move(cb));
  }
  std::stable_sort(found.begin(), found.end(),
                   [&](const ClaimBuild& a, const ClaimBuild& b) {
                     return a.mentions[0].first < b.mentions[0].first;
                   });

  // Where each mention is said, and so how firmly: an outlet's report or an
  // anonymous source passes a claim on; a hedging cue ("suggested")
  // weakens it.
  for (ClaimBuild& cb : found) {
    ClaimMention& m = cb.mentions[0];
    m.statement = StatementHolding(words_[m.head].span);
    if (m.statement < 0) continue;
    const Statement& st = statements_[m.statement];
    Modality from = Modality::kAsserted;
    if (st.kind == StatementKind::kReport ||
        st.kind == StatementKind::kAccordingTo || st.speaker.anonymous)
      from = Modality::kReported;
    for (int k = FirstWordFrom(st.cue.begin); k < nw; ++k) {
      if (words_[k].span.begin != st.cue.begin) break;
      int len = 0;
      if (const SpeechVerb* sv = SpeechVerbAt(k, &len);
          sv && sv->stance == StanceHint::kHedge && from != Modality::kReported)
        from = Modality::kHedged;
      break;
    }
    // A report passes a claim on; a hedge in its own words ("may launch")
    // or a rumour stays what it is.
    if (from == Modality::kReported && m.modality != Modality::kSpeculative &&
        m.modality != Modality::kHedged) {
      m.modality = Modality::kReported;
    } else {
      m.modality = Weaker(m.modality, from);
    }
    cb.c.modality = m.modality;
  }

  // A clause that names one party of a proposition the article states in
  // full elsewhere ("Quillon declined to discuss the talks") is about that
  // proposition: its key is completed from the fullest claim of its family
  // that shares the party.
  for (ClaimBuild& cb : found) {
    if (cb.vague) continue;
    const ClaimBuild* full = nullptr;
    if (Symmetric(cb.family)) {
      if (!cb.side_a.empty() && !cb.side_b.empty()) continue;
      const std::string& have = cb.side_a.empty() ? cb.side_b : cb.side_a;
      if (have.empty()) continue;
      for (const ClaimBuild& other : found) {
        if (&other != &cb && other.family == cb.family &&
            !other.side_a.empty() && !other.side_b.empty() &&
            (other.side_a == have || other.side_b == have)) {
          full = &other;
          break;
        }
      }
    } else {
      // "The Guimarães plant is not closing": who closes it is the agent
      // the article names elsewhere.
      if (!cb.side_a.empty()) continue;
      for (const ClaimBuild& other : found) {
        if (&other != &cb && other.family == cb.family &&
            !other.side_a.empty() && other.side_b == cb.side_b) {
          full = &other;
          break;
        }
      }
    }
    if (!full) continue;
    cb.c.key = full->c.key;
    cb.side_a = full->side_a;
    cb.side_b = full->side_b;
    if (cb.site_only) {
      // The paraphrase gains its agent: "Dornfield Mills close the whole
      // mill".
      for (const Participant& p : full->c.participants) {
        if (p.role == "agent" && p.entity >= 0) {
          cb.c.text = p.text + " " + cb.c.text;
          break;
        }
      }
      cb.site_only = false;
    }
    for (const Participant& p : full->c.participants) {
      if (p.entity < 0 ||
          (p.role != "agent" && p.role != "partner" && p.role != "target"))
        continue;
      bool dup = false;
      for (const Participant& q : cb.c.participants)
        dup |= q.entity == p.entity;
      if (!dup) cb.c.participants.push_back(p);
      AddUnique(&cb.parties, p.entity);
    }
  }

  // Cooperation takes two: a cooperate or negotiate claim that still names
  // one party after completion says too little to follow ("talks at
  // Haleakala").
  // And a site's closure needs someone who closes it.
  found.erase(
      std::remove_if(found.begin(), found.end(),
                     [](const ClaimBuild& cb) {
                       return (Symmetric(cb.family) &&
                               (cb.side_a.empty() || cb.side_b.empty())) ||
                              cb.site_only;
                     }),
      found.end());

  // One claim per proposition and polarity.
  for (ClaimBuild& cb : found) {
    ClaimBuild* same = nullptr;
    for (ClaimBuild& have : claims_) {
      if (have.c.key == cb.c.key && have.c.positive == cb.c.positive)
        same = &have;
    }
    if (!same) {
      claims_.push_back(std::move(cb));
      continue;
    }
    Claim& a = same->c;
    const Claim& b = cb.c;
    // The claim reads as its first mention unless that names only who acts
    // and a later one says what it is about ("Aldmere Textiles close in
    // Guimarães" from a headline the parser cut, then "... close its
    // factory in Guimarães").
    auto only_agents = [](const Claim& x) {
      return std::all_of(
          x.participants.begin(), x.participants.end(),
          [](const Participant& p) { return p.role == "agent"; });
    };
    auto agents_of = [](const Claim& x) {
      std::vector<std::string> out;
      for (const Participant& p : x.participants)
        if (p.role == "agent") out.push_back(p.text);
      return out;
    };
    if (only_agents(a) && !only_agents(b) && agents_of(a) == agents_of(b))
      a.text = b.text;
    a.modality = Firmer(a.modality, b.modality);
    if (a.location.empty()) a.location = b.location;
    if (a.time.empty()) a.time = b.time;
    // The claim is named by its most specific predicate: "talks" over
    // "collaboration" when both are said of it.
    for (const Participant& p : b.participants) {
      bool dup = false;
      for (const Participant& q : a.participants) {
        dup |= (p.entity >= 0 && p.entity == q.entity) ||
               (p.entity < 0 && q.entity < 0 && p.text == q.text);
      }
      if (!dup) a.participants.push_back(p);
    }
    for (int e : cb.parties) AddUnique(&same->parties, e);
    for (Span s : b.evidence) {
      if (std::find(a.evidence.begin(), a.evidence.end(), s) ==
          a.evidence.end())
        a.evidence.push_back(s);
    }
    a.confidence = std::min(0.98, std::max(a.confidence, b.confidence) + 0.05);
    same->mentions.push_back(cb.mentions[0]);
  }
  // Someone who resigns leaves an organisation, which answers for the
  // resignation as much as the person does ("Blake resigned from the post",
  // denied by the bank). Unnamed in the clause, it is the organisation the
  // person holds a title at, else the one the article was just talking
  // about, as for a title with no company named (FindRoles).
  for (ClaimBuild& cb : claims_) {
    if (cb.family != "resign" || cb.mentions.empty()) continue;
    bool org_named = false;
    int person = -1;
    for (int e : cb.parties) {
      EntityType t = entities_[e].e.type;
      org_named |= CoarseType(t) == EntityType::kOrg;
      if (t == EntityType::kPerson && person < 0) person = e;
    }
    if (org_named || person < 0) continue;
    int org = -1;
    for (size_t e = 0; e < entities_.size() && org < 0; ++e) {
      if (entities_[e].e.type != EntityType::kOrg) continue;
      for (const std::string& role : entities_[person].e.roles) {
        if (role.find(entities_[e].e.name) != std::string::npos)
          org = static_cast<int>(e);
      }
    }
    if (org < 0) org = RecentOrgEntity(cb.mentions[0].first);
    if (org >= 0) AddUnique(&cb.parties, org);
  }
  for (ClaimBuild& cb : claims_) {
    std::sort(cb.c.evidence.begin(), cb.c.evidence.end(),
              [](Span a, Span b) { return a.begin < b.begin; });
  }
}

// Owners answer for what their holdings do. "The ministry, which through a
// state fund holds a 30% stake in the company that operates the plant"
// makes the ministry a party to the plant's closure, so that its word on
// it is a principal's (DESIGN.md's status rules). Read from "holds a stake
// in X", "owns (70% of) X", "X's owner/shareholder": the owner is the
// subject, X the holding. A holding answers for a claim that names one of
// its entities, or that is about a site the holding operates or names
// ("the plant").
int DocState::FirstWordFrom(uint32_t pos) const {
  auto it =
      std::lower_bound(words_.begin(), words_.end(), pos,
                       [](const W& w, uint32_t p) { return w.span.begin < p; });
  return static_cast<int>(it - words_.begin());
}

void DocState::FindOwners() {
  if (claims_.empty()) return;
  const int nw = static_cast<int>(words_.size());
  for (int w = 0; w < nw; ++w) {
    std::string_view lemma = words_[w].lemma;
    int verb = -1, held = -1;
    if (lemma == "stake" && IsNoun(words_[w])) {
      verb = words_[w].head;
      for (int c : Children(w))
        if (Base(words_[c].deprel) == "nmod" && CaseOf(c) == "in") held = c;
    } else if (lemma == "own" && words_[w].upos == "VERB") {
      verb = w;
      for (int c : Children(w))
        if (Base(words_[c].deprel) == "obj") held = c;
      // "owns 70% of the plant's operating company".
      if (held >= 0 && words_[held].upos == "SYM") {
        for (int c : Children(held))
          if (Base(words_[c].deprel) == "nmod" && CaseOf(c) == "of") held = c;
      }
    }
    if (verb < 0 || held < 0) continue;
    // The owner: the subject of the verb, or the noun a relative clause
    // ("The ministry, which holds ...", "Aldmere, which owns ...") hangs
    // from.
    std::vector<int> owners;
    auto owner_at = [&](int x) {
      for (int k = words_[x].lo; k <= words_[x].hi; ++k) {
        if (words_[k].mention < 0) continue;
        int e = mentions_[words_[k].mention].entity;
        EntityType t = CoarseType(entities_[e].e.type);
        if (t == EntityType::kOrg || t == EntityType::kPlace ||
            entities_[e].e.type == EntityType::kGov)
          AddUnique(&owners, e);
        return;  // the first name of the phrase is the owner
      }
    };
    for (int c : Children(verb)) {
      if (!StartsWith(words_[c].deprel, "nsubj")) continue;
      if (words_[c].upos == "PRON" && StartsWith(words_[verb].deprel, "acl")) {
        owner_at(words_[verb].head);
      } else if (words_[c].upos != "PRON") {
        owner_at(c);
        // "The Portuguese state": a demonym names the owner too.
        if (owners.empty()) {
          for (int k = words_[c].lo; k <= words_[c].hi; ++k) {
            int m = words_[k].mention;
            if (m >= 0 && CoarseType(entities_[mentions_[m].entity].e.type) ==
                              EntityType::kPlace)
              AddUnique(&owners, mentions_[m].entity);
          }
        }
      }
      if (!owners.empty()) break;
    }
    if (owners.empty() && StartsWith(words_[verb].deprel, "acl"))
      owner_at(words_[verb].head);
    if (owners.empty()) continue;
    // What the holding names: its entities, and its nouns.
    std::vector<int> held_entities;
    std::vector<std::string> held_nouns;
    bool operates = false;
    for (int k = words_[held].lo; k <= words_[held].hi; ++k) {
      if (int m = words_[k].mention; m >= 0 && !mentions_[m].weak)
        AddUnique(&held_entities, mentions_[m].entity);
      std::string low = Lower(words_[k].form);
      if (IsNoun(words_[k])) held_nouns.push_back(low);
      operates |= StartsWith(low, "operat");
    }
    for (ClaimBuild& cb : claims_) {
      bool answers = false;
      for (int e : held_entities) {
        answers |= std::find(cb.parties.begin(), cb.parties.end(), e) !=
                   cb.parties.end();
      }
      bool site = false;
      for (const Participant& p : cb.c.participants) {
        if (p.role != "theme") continue;
        site = true;
        std::string theme = Lower(p.text);
        for (const std::string& n : held_nouns)
          answers |= n.size() > 3 && theme.find(n) != std::string::npos;
      }
      // "a stake in the operating company" of a plant that closes.
      answers |=
          operates && site && (cb.family == "close" || cb.family == "build");
      if (!answers) continue;
      for (int e : owners) AddUnique(&cb.parties, e);
    }
  }
}

// "did not confirm", "won't deny", "never denied": a word of negation.tsv
// hangs on the verb as an adverb. ("did not confirm that he had been killed
// until Friday" confirmed it on Friday, wherever the parser hung "until".)
bool DocState::NegatedByAdverb(int v) const {
  const auto& kids = Children(v);
  auto until = [&](int w) {
    return std::any_of(Children(w).begin(), Children(w).end(), [&](int c) {
      return Base(words_[c].deprel) == "obl" && CaseOf(c) == "until";
    });
  };
  if (until(v) || std::any_of(kids.begin(), kids.end(), [&](int c) {
        return words_[c].deprel == "ccomp" && until(c);
      }))
    return false;
  return std::any_of(kids.begin(), kids.end(), [&](int c) {
    return Base(words_[c].deprel) == "advmod" &&
           LongestAt(c, LexiconKind::kNegation).has_value();
  });
}

// "there is no ban", "there weren't any talks": a noun named only to say
// there is none of it.
bool DocState::NoneOf(int k) const {
  // ("There's no question I'm ...", "no doubt", "no sign of change": ways
  // of saying something else.)
  for (std::string_view l : {"question", "doubt", "sign", "way", "reason"})
    if (words_[k].lemma == l) return false;
  // (Nor "no discussion of his candidacy", "no support from colleagues":
  // none of something more particular than a claim's predicate, unless
  // the particular is a name.)
  for (int c : Children(k)) {
    if (Base(words_[c].deprel) == "nmod" &&
        (words_[c].mention < 0 || !mentions_[words_[c].mention].named))
      return false;
  }
  bool any = false;
  for (int c : Children(k)) {
    if (words_[c].deprel != "det") continue;
    if (EqualsIgnoreCase(words_[c].form, "no")) return true;
    any |= EqualsIgnoreCase(words_[c].form, "any");
  }
  const int h = words_[k].head;
  if (!any || h < 0) return false;
  for (int c : Children(h)) {
    if (c != k && LongestAt(c, LexiconKind::kNegation)) return true;
  }
  return false;
}

// "Harlow said it did not discuss the travel of individual employees", "the
// bank does not discuss client matters": declining to talk about a thing is a
// no-comment, not a denial of talks. Talks are what is denied when there is
// someone they were held with, two who held them, or a deal or meeting as
// what was discussed ("did not discuss a venture with Quillon").
bool DocState::RefusesToDiscuss(int v) const {
  const W& verb = words_[v];
  if (verb.upos != "VERB" || verb.lemma != "discuss") return false;
  bool negated = false;
  int obj = -1;
  for (int c : Children(v)) {
    const W& d = words_[c];
    if (d.deprel == "advmod" && LongestAt(c, LexiconKind::kNegation))
      negated = true;
    if (d.deprel == "obj") obj = c;
    if (Base(d.deprel) == "obl" && CaseOf(c) == "with") return false;
    if (StartsWith(d.deprel, "nsubj")) {
      for (int cc : Children(c))
        if (Base(words_[cc].deprel) == "conj") return false;
    }
  }
  if (!negated || obj < 0 || words_[obj].upos != "NOUN") return false;
  const int s = words_[v].sent;
  for (int k = sents_[s].first; k < sents_[s].last; ++k) {
    int last = 0;
    if (Dominates(obj, k) && !IsPunct(words_[k]) && PredicateAt(k, &last) >= 0)
      return false;
  }
  return true;
}

// Whether the word at w hangs, inside `within`, from a report-like noun
// through a clause ("a report that she had resigned", "rumours that the
// plant would close").
bool DocState::InReportNoun(int w, Span within) const {
  for (int k = w, guard = 0; k >= 0 && guard < 12;
       k = words_[k].head, ++guard) {
    if (words_[k].span.begin < within.begin || words_[k].span.end > within.end)
      return false;
    int h = words_[k].head;
    if (h < 0 || !StartsWith(words_[k].deprel, "acl") || !IsNoun(words_[h]))
      continue;
    if (ReportLemma(words_[h].lemma)) return true;
  }
  return false;
}

bool DocState::OthersAnswer(int k, const Statement& st) {
  // (The cue may open on its copula or auxiliary: "is accurate".)
  if ((words_[k].deprel == "cop" || Base(words_[k].deprel) == "aux") &&
      words_[k].head >= 0)
    k = words_[k].head;
  // ("I hope it is accurate": a wish, not an answer.)
  if (words_[k].head >= 0 && Base(words_[k].deprel) == "ccomp") {
    const std::string& l = words_[words_[k].head].lemma;
    if (l == "hope" || l == "wish" || l == "doubt" || l == "wonder")
      return true;
  }
  const int speaker = st.speaker.entity;
  for (int c : Children(k)) {
    std::string_view d = words_[c].deprel;
    const bool subject = words_[k].upos == "VERB" && StartsWith(d, "nsubj");
    const bool owner = words_[k].upos == "NOUN" && d == "nmod:poss";
    if ((!subject && !owner) || words_[c].upos == "PRON") continue;
    std::vector<int> ents, further, others;
    CollectArgs(c, &ents, &further, &others, 0);
    if (ents.empty()) return false;
    for (int e : ents)
      if (e == speaker ||
          std::find(st.speaker.entities.begin(), st.speaker.entities.end(),
                    e) != st.speaker.entities.end())
        return false;
    return true;
  }
  return false;
}

void DocState::FindStances() {
  const int nw = static_cast<int>(words_.size());
  // (A party's words passed on by an unnamed source are that source's
  // report: RelayedByUnnamedSources. The only statements added below are
  // the reporter's own sentences outside every content, which nothing
  // relays.)
  const std::vector<bool> relayed = RelayedByUnnamedSources(statements_);
  auto set_stance = [&](Statement& st, int claim, StanceValue v, Strength s,
                        double conf, bool principal) {
    const size_t at = static_cast<size_t>(&st - statements_.data());
    principal = principal && !(at < relayed.size() && relayed[at]);
    // One stance per claim and statement; a denial outweighs a plain
    // assertion of the same claim ("the company did not discuss a venture
    // with Castell" mentions the venture, positive, inside what it denies).
    for (Stance& have : st.stances) {
      if (have.claim != claim) continue;
      if (have.value == StanceValue::kAssert && v == StanceValue::kDeny) {
        have.value = v;
        have.strength = s;
        have.confidence = conf;
        have.principal = principal;
      }
      return;
    }
    Stance x;
    x.claim = claim;
    x.value = v;
    x.strength = v == StanceValue::kDeny ? s : Strength::kNone;
    x.confidence = conf;
    x.principal = principal;
    st.stances.push_back(x);
  };

  const size_t n_statements = statements_.size();
  for (size_t si = 0; si < n_statements; ++si) {
    Statement& st = statements_[si];
    if (st.kind == StatementKind::kReporter) continue;
    // What the statement's words say about what it answers.
    StanceHint signal = StanceHint::kNone;
    Strength strength = Strength::kNone;
    int cue_word = -1;
    for (int k = FirstWordFrom(st.cue.begin);
         k < nw && words_[k].span.begin < st.cue.end && cue_word < 0; ++k)
      if (words_[k].span.end <= st.cue.end) cue_word = k;
    // A refusal to discuss is the answer only if nothing else answers
    // ("... did not discuss the travel of employees; the story is false").
    bool refuses = false;
    // "refused to acknowledge the mistake", "declined to confirm or deny":
    // what a refusal's content would have confirmed or denied, it did not.
    // (What the speech verb list says of the cue: `hint`, read once.)
    StanceHint hint = StanceHint::kNone;
    if (cue_word >= 0) {
      int len = 0;
      if (const SpeechVerb* sv = SpeechVerbAt(cue_word, &len))
        hint = sv->stance;
    }
    const bool refusal_cue = hint == StanceHint::kNoComment;
    // Only the words of the statement's speaker, cue and content matter.
    uint32_t from = std::min(st.content.begin, st.cue.begin);
    uint32_t to = std::max(st.content.end, st.cue.end);
    if (st.speaker.has_span) from = std::min(from, st.speaker.span.begin);
    for (int k = FirstWordFrom(from); k < nw && words_[k].span.begin < to;
         ++k) {
      const W& w = words_[k];
      bool in_content =
          w.span.begin >= st.content.begin && w.span.end <= st.content.end;
      bool in_cue = w.span.begin >= st.cue.begin && w.span.end <= st.cue.end;
      // "An earlier version of this article incorrectly reported that":
      // a correction is said between the speaker and the cue.
      bool before_cue = st.speaker.has_span &&
                        w.span.begin >= st.speaker.span.begin &&
                        w.span.end <= st.cue.begin &&
                        words_[k].sent == words_[std::max(cue_word, 0)].sent;
      if (!in_content && !in_cue && !before_cue) continue;
      if (signal != StanceHint::kNone) continue;
      if (in_content && RefusesToDiscuss(k)) {
        refuses = true;
        continue;
      }
      if (auto m = LongestAt(k, LexiconKind::kDenialCue)) {
        const DenialCue& d = lex_.denial_cues()[m->entry];
        if (d.stance == StanceHint::kNone) continue;
        if (refusal_cue && in_content && d.stance != StanceHint::kNoComment)
          continue;
        // A report carries a claim; it does not answer one. And "a
        // rumour", "speculation" answer a report only in a party's own
        // words.
        if (st.kind == StatementKind::kReport ||
            st.kind == StatementKind::kAccordingTo)
          continue;
        if (d.stance == StanceHint::kDeny && in_content &&
            st.kind != StatementKind::kDirect &&
            st.kind != StatementKind::kPartial && w.upos == "NOUN")
          continue;
        // Nor is the speaker a denial for being a rumour ("Rumors suggest
        // that ..."), nor the cue ("New MacBook Air rumours: a 12in
        // screen"), where the speech verb list says what the word does.
        if (before_cue && w.upos == "NOUN" && w.span.end <= st.speaker.span.end)
          continue;
        if (in_cue && hint != StanceHint::kNone && hint != d.stance &&
            words_[k + m->length - 1].span.end <= st.cue.end)
          continue;
        // "something seriously wrong with Kim", "the wrong person", "a false
        // flag": an adjective on a noun of what is said denies only an
        // account ("false reports", "it was false news", "a false alarm").
        if (m->length == 1 && w.upos == "ADJ" && in_content &&
            w.deprel == "amod" && w.head >= 0 &&
            st.content.Contains(words_[w.head].span) &&
            !AccountLemma(words_[w.head].lemma))
          continue;
        // Someone else's answer, told by the speaker: "demanded that Harlow
        // disclose its contacts, a day after both companies denied a
        // report", "I have read Harlow's denial".
        if (in_content && OthersAnswer(k, st)) continue;
        // "said he would not deny that they had met": a negated answer in
        // what is said answers none, as the cue's own does. Negated in the
        // passive it is nobody's answer: "informed the board, because the
        // departure has not been announced".
        const bool negated_in_content = (d.stance == StanceHint::kDeny ||
                                         d.stance == StanceHint::kConfirm) &&
                                        in_content && w.upos == "VERB" &&
                                        NegatedByAdverb(k);
        if (negated_in_content &&
            std::any_of(Children(k).begin(), Children(k).end(),
                        [&](int c) { return words_[c].deprel == "aux:pass"; }))
          continue;
        signal = negated_in_content ? StanceHint::kNoComment : d.stance;
        strength = negated_in_content ? Strength::kNone : d.strength;
        // An outlet withdrawing its own report: the ledger's retraction.
        for (std::string_view mark :
             {"incorrect", "erroneous", "wrongly", "inaccurate", "withdr",
              "retract", "earlier version", "standards", "should not have"}) {
          if (d.phrase.find(mark) != std::string::npos &&
              st.rule.find(".correction") == std::string::npos)
            st.rule += ".correction";
        }
      }
    }
    if (signal == StanceHint::kNone && refuses) signal = StanceHint::kNoComment;
    const bool negated_answer =
        cue_word >= 0 &&
        (hint == StanceHint::kDeny || hint == StanceHint::kConfirm) &&
        NegatedByAdverb(cue_word);
    // A speech act that is only possible or general takes no side: "could
    // be required to confirm or deny", "when they deny market rumours". A
    // modal that refuses is no such act: "would not confirm", "couldn't
    // confirm" answer none.
    if (cue_word >= 0) {
      bool hypothetical = false;
      // "confirm or deny": a verb of the opposite answer beside the cue,
      // said by the same speaker (not "Harlow has acknowledged the talks,
      // and Quillon has not denied them").
      auto opposite_act = [&](int w) {
        int len = 0;
        const SpeechVerb* other = SpeechVerbAt(w, &len);
        for (int c : Children(w))
          if (StartsWith(words_[c].deprel, "nsubj")) return false;
        return other && other->stance != hint &&
               (hint == StanceHint::kDeny || hint == StanceHint::kConfirm) &&
               (other->stance == StanceHint::kDeny ||
                other->stance == StanceHint::kConfirm);
      };
      // "could be required to confirm or deny": the second verb shares the
      // first one's auxiliaries, wherever the parser hung them.
      int verb = cue_word;
      std::vector<int> around(Children(cue_word).begin(),
                              Children(cue_word).end());
      if (Base(words_[cue_word].deprel) == "conj" &&
          words_[cue_word].head >= 0) {
        verb = words_[cue_word].head;
        for (int x : Children(verb))
          if (Base(words_[x].deprel) != "conj") around.push_back(x);
      }
      for (int c : around) {
        std::string low = Lower(words_[c].form);
        std::string_view d = words_[c].deprel;
        if (d == "aux" && !negated_answer &&
            (low == "could" || low == "would" || low == "may" ||
             low == "might" || low == "should" || low == "must" ||
             low == "can"))
          hypothetical = true;
        if (d == "mark" && (low == "when" || low == "if" || low == "whether"))
          hypothetical = true;
        if (d == "conj" && opposite_act(c)) hypothetical = true;
      }
      if (verb != cue_word && opposite_act(verb)) hypothetical = true;
      int h = words_[verb].head;
      if (h >= 0 && Base(words_[verb].deprel) == "xcomp") {
        const std::string& hl = words_[h].lemma;
        if (hl == "require" || hl == "ask" || hl == "refuse" || hl == "urge")
          hypothetical = true;
      }
      if (hypothetical) continue;
    }
    // "Harlow Motors did not confirm the talks", "Quillon has not denied
    // the report": an answer negated is none. The party neither confirms
    // nor denies; the reporter's own "a deal has not been announced" takes
    // no side.
    if (negated_answer) {
      if (!HasSpeaker(st.speaker) && st.speaker.name.empty()) continue;
      signal = StanceHint::kNoComment;
      strength = Strength::kNone;
    }
    // (Whether the answer is only the cue's: "confirmed that ...".)
    const bool answer_of_cue =
        signal == StanceHint::kNone &&
        (hint == StanceHint::kDeny || hint == StanceHint::kConfirm);
    if (signal == StanceHint::kNone &&
        (hint == StanceHint::kDeny || hint == StanceHint::kConfirm ||
         hint == StanceHint::kNoComment)) {
      signal = hint;
      strength = Strength::kFlat;
    }

    // "The Guimarães plant is not closing. We are restructuring production
    // across our European sites ... Any suggestion otherwise is simply
    // wrong.": a denial beside a proposition the speaker states negated is
    // that proposition's; what else the speaker states, they assert (unless
    // they cite it as someone's report: "the report that we will cut jobs
    // is false").
    std::vector<std::string> negated_keys;
    if (signal == StanceHint::kDeny) {
      for (const ClaimBuild& cb : claims_) {
        for (const ClaimMention& m : cb.mentions) {
          Span ts = words_[m.head].span;
          if (!m.positive && ts.begin >= st.content.begin &&
              ts.end <= st.content.end)
            negated_keys.push_back(cb.c.key);
        }
      }
    }
    // Claims stated in the content.
    bool stated = false;
    for (size_t ci = 0; ci < claims_.size(); ++ci) {
      ClaimBuild& cb = claims_[ci];
      for (const ClaimMention& m : cb.mentions) {
        Span ts = words_[m.head].span;
        if (ts.begin < st.content.begin || ts.end > st.content.end) continue;
        // "... after a local paper withdrew a report that she had
        // resigned": a claim the speaker cites as someone's report is not
        // one the speaker makes. Denying such a report still answers it.
        if (signal != StanceHint::kDeny && InReportNoun(m.head, st.content))
          continue;
        stated = true;
        bool principal = SpeaksFor(st, cb);
        StanceValue v = StanceValue::kAssert;
        double conf = 0.8;
        const bool own_assertion =
            !negated_keys.empty() &&
            std::find(negated_keys.begin(), negated_keys.end(), cb.c.key) ==
                negated_keys.end() &&
            !InReportNoun(m.head, st.content);
        if (signal == StanceHint::kDeny && m.positive && !own_assertion) {
          v = StanceValue::kDeny;
        } else if (signal == StanceHint::kConfirm) {
          v = StanceValue::kConfirm;
        } else if (signal == StanceHint::kNoComment) {
          v = StanceValue::kNoComment;
        } else if (hint == StanceHint::kHedge ||
                   // "not in talks" is no hedge: the talks are what is
                   // denied.
                   (m.positive && (m.modality == Modality::kHedged ||
                                   m.modality == Modality::kSpeculative))) {
          v = StanceValue::kHedge;
          conf = 0.7;
        }
        set_stance(st, static_cast<int>(ci), v,
                   strength == Strength::kNone ? Strength::kFlat : strength,
                   conf, principal);
        // "No plans to collaborate" denies the claim that they do.
        if (!m.positive && v == StanceValue::kAssert) {
          for (size_t cj = 0; cj < claims_.size(); ++cj) {
            const ClaimBuild& other = claims_[cj];
            if (cj == ci || !other.c.positive) continue;
            // "We are not in talks with Veltra" denies talks of a deal
            // between the two too: "Veltra is in talks to acquire
            // Brannock".
            bool talks_of_deal =
                cb.family == "cooperate" &&
                other.c.modality == Modality::kHedged && !cb.parties.empty() &&
                std::all_of(cb.parties.begin(), cb.parties.end(), [&](int e) {
                  return std::find(other.parties.begin(), other.parties.end(),
                                   e) != other.parties.end();
                });
            if (other.c.key != cb.c.key && !talks_of_deal) continue;
            set_stance(st, static_cast<int>(cj), StanceValue::kDeny,
                       strength == Strength::kNone ? Strength::kFlat : strength,
                       0.75, SpeaksFor(st, claims_[cj]));
          }
        }
        break;
      }
    }
    if (stated) continue;
    if (signal == StanceHint::kNone && st.stances.empty() &&
        st.kind != StatementKind::kReport &&
        st.kind != StatementKind::kAccordingTo) {
      // An outsider's comment on the parties of a claim ("a takeover made
      // sense for Veltra but would likely face a long review") weighs in on
      // it without answering for it: a third party's assert, or hedge. A
      // party's own words need a claim or a cue to take a side.
      std::vector<int> named;
      std::vector<std::string> families;  // "a launch this year was unlikely"
      // "there is no ban", "there were never any talks": a trigger named
      // only to say there is none. It denies a claim of its own predicate
      // only: "no agreement had been reached" does not deny the talks.
      std::vector<std::string> none_of;
      bool hedged = false;
      for (int k = FirstWordFrom(st.content.begin);
           k < nw && words_[k].span.begin < st.content.end; ++k) {
        if (int m = words_[k].mention; m >= 0 && !mentions_[m].weak)
          AddUnique(&named, mentions_[m].entity);
        if (auto p = LongestAt(k, LexiconKind::kPredicate)) {
          const PredicateTrigger& pt = lex_.predicates()[p->entry];
          families.push_back(pt.family.empty() ? pt.cls : pt.family);
          if (words_[k].upos == "NOUN" && NoneOf(k)) none_of.push_back(pt.cls);
        }
        if (auto h = LongestAt(k, LexiconKind::kHedge)) {
          hedged |= lex_.hedges()[h->entry].modality == Modality::kHedged ||
                    lex_.hedges()[h->entry].modality == Modality::kSpeculative;
        }
      }
      int best = -1;
      size_t best_told = 0;
      // Saying there is none of it denies a claim, a party's or not.
      int denied = -1;
      for (size_t ci = 0; ci < claims_.size() && !none_of.empty(); ++ci) {
        const ClaimBuild& cb = claims_[ci];
        if (!cb.c.positive || cb.c.evidence.empty() ||
            cb.c.evidence.front().begin >= st.content.begin ||
            std::find(none_of.begin(), none_of.end(), cb.c.predicate) ==
                none_of.end())
          continue;
        if (denied < 0 || cb.mentions.size() > claims_[denied].mentions.size())
          denied = static_cast<int>(ci);
      }
      if (denied >= 0) {
        set_stance(st, denied, StanceValue::kDeny, Strength::kFlat, 0.6,
                   SpeaksFor(st, claims_[denied]));
        continue;
      }
      for (size_t ci = 0; ci < claims_.size(); ++ci) {
        const ClaimBuild& cb = claims_[ci];
        if (!cb.c.positive || SpeaksFor(st, cb)) continue;
        bool about = std::find(families.begin(), families.end(), cb.family) !=
                     families.end();
        for (int e : named) {
          about |= std::find(cb.parties.begin(), cb.parties.end(), e) !=
                   cb.parties.end();
        }
        if (about && cb.mentions.size() > best_told) {
          best = static_cast<int>(ci);
          best_told = cb.mentions.size();
        }
      }
      if (best >= 0) {
        set_stance(st, best,
                   hedged ? StanceValue::kHedge : StanceValue::kAssert,
                   Strength::kNone, 0.4, false);
      }
      continue;
    }
    if (signal != StanceHint::kDeny && signal != StanceHint::kConfirm &&
        signal != StanceHint::kNoComment)
      continue;
    // An answer that does not restate what it answers ("This story is
    // completely false"): the claim it is about is an earlier one, first
    // one the speaker is a party to, then one that was reported rather than
    // asserted; the nearest wins a tie.
    // "The report is completely false": an answer about a report is about
    // a claim someone reported (an outlet, a source, or in a hedge), not
    // about the article's own news of the day ("Lawmaker presses Harlow
    // for answers" is no report Harlow denies).
    bool about_report = false;
    for (int k = FirstWordFrom(st.content.begin);
         k < nw && words_[k].span.end <= st.content.end && !about_report; ++k)
      for (std::string_view noun :
           {"report", "story", "article", "rumor", "rumour", "speculation"})
        about_report |= words_[k].upos == "NOUN" && words_[k].lemma == noun;
    // "Harlow agreed that the price was high", "confirmed that the plant
    // would stay open": a clause of its own, stating no claim, is what was
    // confirmed or denied, not some claim before it.
    if (answer_of_cue && !about_report) {
      bool clause = false;
      for (int k = FirstWordFrom(st.content.begin);
           k < nw && words_[k].span.end <= st.content.end && !clause; ++k) {
        // (The subject of the content's top word, not of a relative
        // clause inside a noun: "agreed to the meeting after a request
        // from Malala, who ...".)
        const int h = words_[k].head;
        const int hh = h >= 0 ? words_[h].head : -1;
        clause = StartsWith(words_[k].deprel, "nsubj") && h >= 0 &&
                 words_[h].span.begin >= st.content.begin &&
                 words_[h].span.end <= st.content.end &&
                 (hh < 0 || words_[hh].span.begin < st.content.begin ||
                  words_[hh].span.end > st.content.end);
      }
      if (clause) continue;
    }
    auto reported = [&](int ci) {
      // A claim told firmly by one speaker may still have been reported by
      // another: "Reports say ..." and then "he would not deny that they
      // had met".
      // (A claim's own modality is the firmest of its mentions'.)
      for (const ClaimMention& m : claims_[ci].mentions)
        if (m.modality != Modality::kAsserted) return true;
      for (size_t k = 0; k < n_statements; ++k) {
        const Statement& o = statements_[k];
        bool by_source = o.kind == StatementKind::kReport ||
                         o.kind == StatementKind::kAccordingTo ||
                         o.speaker.anonymous;
        for (const Stance& x : o.stances)
          if (by_source && x.claim == ci) return true;
      }
      return false;
    };
    // "Greywater Capital Confirms $400 Million Stake in Altavia Solar": a
    // party the answer names, other than its speaker, says which claim it
    // answers.
    std::vector<int> named_in_content;
    for (int k = FirstWordFrom(st.content.begin);
         k < nw && words_[k].span.end <= st.content.end; ++k) {
      if (const int m = words_[k].mention; m >= 0 && mentions_[m].named)
        AddUnique(&named_in_content, mentions_[m].entity);
    }
    int best = -1, best_score = 0;
    uint32_t best_pos = 0;
    for (size_t ci = 0; ci < claims_.size(); ++ci) {
      const ClaimBuild& cb = claims_[ci];
      if (!cb.c.positive) continue;
      if (about_report && !reported(static_cast<int>(ci))) continue;
      bool names_party = false;
      for (int e : named_in_content) {
        names_party |= e != st.speaker.entity &&
                       std::find(cb.parties.begin(), cb.parties.end(), e) !=
                           cb.parties.end();
      }
      uint32_t pos = 0;
      bool before = false;
      for (const ClaimMention& m : cb.mentions) {
        uint32_t b = words_[m.head].span.begin;
        // A headline sums up the article: what it answers may come later.
        if (b < st.content.end || b < st.cue.end ||
            st.cue.end <= doc_.body_begin) {
          before = true;
          pos = std::max(pos, b);
        }
      }
      if (!before) continue;
      int score = 0;
      if (SpeaksFor(st, cb)) score += 4;
      if (cb.c.modality != Modality::kAsserted) score += 2;
      // Anyone may decline to comment on the story ("A Nordvale rival said
      // it would not comment on the decision"); an answer that takes a side
      // is about something reported, or is a party's.
      if (score < 2 && signal != StanceHint::kNoComment) continue;
      if (names_party) score += 3;
      // The story the article is about is told more than once, and by
      // others: salience counts its mentions and the statements carrying
      // it.
      int told = static_cast<int>(cb.mentions.size());
      for (size_t k = 0; k < n_statements; ++k) {
        for (const Stance& x : statements_[k].stances) {
          told += x.claim == static_cast<int>(ci) &&
                  (x.value == StanceValue::kAssert ||
                   x.value == StanceValue::kHedge);
        }
      }
      score += std::min(told, 6);
      if (score > best_score || (score == best_score && pos > best_pos)) {
        best = static_cast<int>(ci);
        best_score = score;
        best_pos = pos;
      }
    }
    if (best < 0) continue;
    StanceValue v = signal == StanceHint::kDeny      ? StanceValue::kDeny
                    : signal == StanceHint::kConfirm ? StanceValue::kConfirm
                                                     : StanceValue::kNoComment;
    set_stance(st, best, v,
               strength == Strength::kNone ? Strength::kFlat : strength,
               best_score >= 4 ? 0.75 : 0.55, SpeaksFor(st, claims_[best]));
  }

  // The reporter's own voice: one statement per sentence that states a claim
  // outside every attributed content.
  std::vector<int> by_sentence(sents_.size(), -1);
  for (size_t ci = 0; ci < claims_.size(); ++ci) {
    for (const ClaimMention& m : claims_[ci].mentions) {
      if (StatementHolding(words_[m.head].span) >= 0) continue;
      int s = words_[m.head].sent;
      if (by_sentence[s] < 0) {
        Statement st;
        st.kind = StatementKind::kReporter;
        st.speaker.name = outlet_;
        st.cue = {sents_[s].span.begin, sents_[s].span.begin};
        st.content = TrimContent(sents_[s].span);
        st.evidence.push_back(sents_[s].span);
        st.confidence = 0.6;
        st.rule = "reporter-voice";
        by_sentence[s] = AddStatement(std::move(st));
      }
      Statement& st = statements_[by_sentence[s]];
      bool hedged = m.modality == Modality::kHedged ||
                    m.modality == Modality::kSpeculative;
      set_stance(st, static_cast<int>(ci),
                 hedged ? StanceValue::kHedge : StanceValue::kAssert,
                 Strength::kNone, 0.6, false);
    }
  }
}

}  // namespace extract_internal
}  // namespace hearsay

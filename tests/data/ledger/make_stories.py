#!/usr/bin/env python3
"""Writes stories.jsonl: hand-written hearsay.extract/1 records for the ledger
tests, six fictional stories told by several outlets over several days.

The records are what an extractor should produce for these articles; they are
written by hand so that the ledger can be tested before (and independently
of) the extractor. Spans are computed here from the quoted words, so the
records stay consistent when the text is edited. Run it after editing:
    python3 tests/data/ledger/make_stories.py
"""
import json
import os

DOCS = []


def doc(id, outlet, url, published, title, body, entities, claims, statements):
    DOCS.append(dict(id=id, outlet=outlet, url=url, published=published,
                     title=title, body=body, entities=entities, claims=claims,
                     statements=statements))


def E(name, type="ORG", roles=(), aliases=()):
    return dict(name=name, type=type, roles=list(roles), aliases=list(aliases))


def C(predicate, parts, text, key, polarity="positive", modality="reported",
      location="", time="", cameo="", plover=""):
    return dict(predicate=predicate, parts=parts, text=text, key=key,
                polarity=polarity, modality=modality, location=location,
                time=time, cameo=cameo, plover=plover)


def S(content, kind, cue, stances, speaker=None, anonymous=False, count=None,
      description="", speaker_text=None, via=None, rule="", group=()):
    return dict(content=content, kind=kind, cue=cue, stances=stances,
                speaker=speaker, anonymous=anonymous, count=count,
                description=description, speaker_text=speaker_text, via=via,
                rule=rule, group=list(group))


# Story 1: a scoop on anonymous sources, denied by both principals.
HM = E("Harlow Motors", aliases=["Harlow"])
QU = E("Quillon")
TALKS = "harlow motors|quillon|cooperate|ev venture"
doc("1a", "The Meridian Ledger", "https://meridianledger.example/2026/03/02/harlow-quillon",
    "2026-03-02T06:00:00Z",
    "Harlow Motors in talks with Quillon over U.S. electric-vehicle venture",
    "Harlow Motors is in talks with the Chinese technology group Quillon about a joint "
    "venture to build electric vehicles in the United States, according to four people "
    "familiar with the matter. The discussions are at an early stage, the people said.",
    [HM, QU],
    [C("negotiate", [("agent", "Harlow Motors"), ("partner", "Quillon")],
       "Harlow Motors and Quillon are in talks on a U.S. electric-vehicle venture",
       TALKS, location="United States", cameo="031", plover="COOPERATE")],
    [S("Harlow Motors is in talks with the Chinese technology group Quillon about a joint "
       "venture to build electric vehicles in the United States", "according_to",
       "according to", [(1, "assert", None)], anonymous=True, count=4,
       description="people familiar with the matter",
       speaker_text="four people familiar with the matter", rule="according-to")])

doc("1b", "Transatlantic Press", "https://transatlanticpress.example/harlow-quillon-deny",
    "2026-03-02T15:40:00Z",
    "Harlow Motors, Quillon deny report of U.S. electric-vehicle venture",
    "Harlow Motors and Quillon on Monday rejected a report that they were discussing an "
    "electric-vehicle venture in the United States. The Meridian Ledger reported that the "
    "two companies were in talks, citing four people familiar with the matter. \"This story "
    "is completely false,\" Harlow Motors said in a statement. Quillon said it had \"no plans\" "
    "to make vehicles with Harlow in the U.S.",
    [HM, QU, E("The Meridian Ledger", "OUTLET")],
    [C("negotiate", [("agent", "Harlow Motors"), ("partner", "Quillon")],
       "Harlow Motors and Quillon were in talks on a U.S. electric-vehicle venture",
       TALKS, location="United States")],
    [S("the two companies were in talks", "report", "reported", [(1, "assert", None)],
       speaker="The Meridian Ledger", rule="outlet-report"),
     S("the two companies were in talks", "according_to", "citing", [(1, "assert", None)],
       anonymous=True, count=4, description="people familiar with the matter",
       speaker_text="four people familiar with the matter", via=1, rule="citing"),
     S("This story is completely false", "direct", "said", [(1, "deny", "flat")],
       speaker="Harlow Motors", rule="quote-said"),
     S("no plans", "partial", "said", [(1, "deny", "qualified")], speaker="Quillon",
       rule="partial-quote")])

doc("1c", "Northgate Post", "https://northgatepost.example/feldstein-letter",
    "2026-03-03T17:25:00Z",
    "Lawmaker presses Harlow Motors for answers after denied venture report",
    "Senator Miriam Feldstein wrote to Harlow Motors asking whether it had held talks with "
    "Quillon, after a report of a planned U.S. venture that both companies denied. \"The "
    "public deserves a straight answer,\" Feldstein said.",
    [HM, QU, E("Miriam Feldstein", "PERSON", roles=["senator"], aliases=["Feldstein"])],
    [C("negotiate", [("agent", "Harlow Motors"), ("partner", "Quillon")],
       "Harlow Motors held talks with Quillon on a U.S. venture", TALKS,
       location="United States")],
    [S("The public deserves a straight answer", "direct", "said", [(1, "hedge", None)],
       speaker="Miriam Feldstein", rule="quote-said")])

doc("1d", "Capital Wire", "https://capitalwire.example/harlow-ceo-anselm",
    "2026-03-04T21:10:00Z",
    "Harlow CEO Anselm: 'We are not doing a deal with Quillon'",
    "Harlow Motors chief executive Tobias Anselm said on Wednesday that the carmaker was "
    "not negotiating with Quillon. \"We are not doing a deal with Quillon,\" Anselm told "
    "reporters in Detroit.",
    [HM, QU, E("Tobias Anselm", "PERSON", roles=["chief executive of Harlow Motors"],
               aliases=["Anselm"])],
    [C("negotiate", [("agent", "Harlow Motors"), ("partner", "Quillon")],
       "Harlow Motors is negotiating a deal with Quillon", TALKS)],
    [S("We are not doing a deal with Quillon", "direct", "told",
       [(1, "deny", "flat")], speaker="Tobias Anselm", rule="quote-said")])

# Story 2: denied, then confirmed.
BW = E("Brightwater Systems", aliases=["Brightwater"])
KA = E("Kestrel Analytics", aliases=["Kestrel"])
BUY = "brightwater systems|kestrel analytics|acquire"
doc("2a", "Northgate Post", "https://northgatepost.example/brightwater-kestrel",
    "2026-04-06T22:15:00Z",
    "Brightwater Systems plans takeover of British forecasting firm Kestrel Analytics",
    "Brightwater Systems is preparing a bid for the British weather-forecasting company "
    "Kestrel Analytics, two people briefed on the plans said. A deal could be announced "
    "within weeks, they said.",
    [BW, KA],
    [C("acquire", [("agent", "Brightwater Systems"), ("theme", "Kestrel Analytics")],
       "Brightwater Systems plans to acquire Kestrel Analytics", BUY, cameo="061",
       plover="COOPERATE")],
    [S("Brightwater Systems is preparing a bid for the British weather-forecasting company "
       "Kestrel Analytics", "indirect", "said", [(1, "assert", None)], anonymous=True,
       count=2, description="people briefed on the plans",
       speaker_text="two people briefed on the plans", rule="anonymous-said")])

doc("2b", "Capital Wire", "https://capitalwire.example/brightwater-ceo-speculation",
    "2026-04-07T16:20:00Z",
    "Brightwater CEO dismisses Kestrel takeover report as 'speculation'",
    "Brightwater Systems chief executive Renata Solberg dismissed a report that the company "
    "would bid for Kestrel Analytics. \"There are no discussions at this time, and we do not "
    "comment on speculation,\" Solberg said.",
    [BW, KA, E("Renata Solberg", "PERSON", roles=["chief executive of Brightwater Systems"],
               aliases=["Solberg"])],
    [C("acquire", [("agent", "Brightwater Systems"), ("theme", "Kestrel Analytics")],
       "Brightwater Systems would bid for Kestrel Analytics", BUY)],
    [S("There are no discussions at this time, and we do not comment on speculation",
       "direct", "said", [(1, "deny", "qualified")], speaker="Renata Solberg",
       rule="quote-said")])

doc("2c", "Transatlantic Press", "https://transatlanticpress.example/brightwater-buys-kestrel",
    "2026-04-28T11:05:00Z",
    "Brightwater to buy Kestrel Analytics for $4.5 billion, weeks after CEO denied talks",
    "Brightwater Systems said on Tuesday it had agreed to buy Kestrel Analytics for $4.5 "
    "billion in cash. Kestrel Analytics said its board backed the offer.",
    [BW, KA],
    [C("acquire", [("agent", "Brightwater Systems"), ("theme", "Kestrel Analytics")],
       "Brightwater Systems agreed to buy Kestrel Analytics for $4.5 billion", BUY,
       modality="asserted")],
    [S("it had agreed to buy Kestrel Analytics for $4.5 billion in cash", "indirect",
       "said", [(1, "confirm", None)], speaker="Brightwater Systems", rule="said-that"),
     S("its board backed the offer", "indirect", "said", [(1, "confirm", None)],
       speaker="Kestrel Analytics", rule="said-that")])

# Story 3: a report retracted by its outlet.
CB = E("Cedarline Bank", aliases=["Cedarline"])
HMA = E("Helen Marchetti", "PERSON", roles=["chief executive of Cedarline Bank"],
        aliases=["Marchetti"])
RESIGN = "helen marchetti|cedarline bank|resign"
doc("3a", "The Cascadia Courier", "https://cascadiacourier.example/cedarline-ceo-resigns",
    "2026-05-12T23:30:00Z",
    "Cedarline Bank CEO Helen Marchetti resigns, source says",
    "Helen Marchetti has resigned as chief executive of Cedarline Bank, a person familiar "
    "with the board's deliberations said on Tuesday evening.",
    [CB, HMA],
    [C("resign", [("agent", "Helen Marchetti"), ("theme", "Cedarline Bank")],
       "Helen Marchetti resigned as chief executive of Cedarline Bank", RESIGN)],
    [S("Helen Marchetti has resigned as chief executive of Cedarline Bank", "indirect",
       "said", [(1, "assert", None)], anonymous=True, count=1,
       description="a person familiar with the board's deliberations",
       speaker_text="a person familiar with the board's deliberations",
       rule="anonymous-said")])

doc("3b", "The Cascadia Courier", "https://cascadiacourier.example/cedarline-correction",
    "2026-05-13T16:00:00Z",
    "Correction: Cedarline Bank chief executive has not resigned",
    "An earlier article by The Cascadia Courier incorrectly reported that Helen Marchetti had "
    "resigned as chief executive of Cedarline Bank. She has not resigned. The Cascadia "
    "Courier has withdrawn the article and regrets the error.",
    [CB, HMA, E("The Cascadia Courier", "OUTLET")],
    [C("resign", [("agent", "Helen Marchetti"), ("theme", "Cedarline Bank")],
       "Helen Marchetti resigned as chief executive of Cedarline Bank", RESIGN)],
    [S("incorrectly reported that Helen Marchetti had resigned as chief executive of "
       "Cedarline Bank", "reporter", "Correction", [(1, "deny", "flat")],
       speaker="The Cascadia Courier", rule="correction")])

doc("3c", "Transatlantic Press", "https://transatlanticpress.example/cedarline-ceo-stays",
    "2026-05-13T19:05:00Z",
    "Cedarline Bank says CEO Marchetti remains in role after withdrawn report",
    "Cedarline Bank said on Wednesday that Helen Marchetti remained its chief executive, "
    "after a regional newspaper withdrew a report that she had resigned.",
    [CB, HMA],
    [C("resign", [("agent", "Helen Marchetti"), ("theme", "Cedarline Bank")],
       "Helen Marchetti resigned from Cedarline Bank", RESIGN)],
    [S("Helen Marchetti remained its chief executive", "indirect", "said",
       [(1, "deny", "flat")], speaker="Cedarline Bank", rule="said-that")])

# Story 4: disputed between its two principals.
AT = E("Aldmere Textiles", aliases=["Aldmere"])
MIN = E("Portuguese Ministry of Economy", "GOV", aliases=["economy ministry"])
CLOSE = "aldmere textiles|guimaraes plant|close"
doc("4a", "Transatlantic Press", "https://transatlanticpress.example/aldmere-guimaraes",
    "2026-06-15T10:30:00Z",
    "Portugal says Aldmere Textiles will close Guimarães plant, cutting 640 jobs",
    "Aldmere Textiles will close its plant in Guimarães with the loss of 640 jobs, the "
    "Portuguese Ministry of Economy said on Monday, after talks with the company.",
    [AT, MIN],
    [C("close", [("agent", "Aldmere Textiles"), ("partner", "Portuguese Ministry of Economy"),
                 ("theme", "Guimarães plant")],
       "Aldmere Textiles will close its Guimarães plant", CLOSE, location="Guimarães",
       modality="future")],
    [S("Aldmere Textiles will close its plant in Guimarães with the loss of 640 jobs",
       "indirect", "said", [(1, "confirm", None)],
       speaker="Portuguese Ministry of Economy", rule="said-that")])

doc("4b", "Capital Wire", "https://capitalwire.example/aldmere-insists",
    "2026-06-16T08:45:00Z",
    "Aldmere insists Portuguese plant will stay open, contradicting government",
    "Aldmere Textiles said its Guimarães factory would stay open, contradicting the "
    "Portuguese government. \"There is no decision to close Guimarães,\" the company said.",
    [AT, MIN],
    [C("close", [("agent", "Aldmere Textiles"), ("partner", "Portuguese Ministry of Economy"),
                 ("theme", "Guimarães plant")],
       "Aldmere Textiles will close its Guimarães plant", CLOSE, location="Guimarães")],
    [S("There is no decision to close Guimarães", "direct", "said",
       [(1, "deny", "flat")], speaker="Aldmere Textiles", rule="quote-said")])

# Story 5: reported only; the company declines to comment.
PV = E("Pembrook & Vine", aliases=["Pembrook"])
CUTS = "pembrook & vine|lay_off|1200 jobs"
doc("5a", "Capital Wire", "https://capitalwire.example/pembrook-vine-cuts",
    "2026-07-21T14:07:45Z",
    "Pembrook & Vine to cut 1,200 jobs as department-store slump deepens",
    "The department-store chain Pembrook & Vine plans to cut about 1,200 jobs, a person with "
    "knowledge of the plans said. A Pembrook & Vine spokesperson declined to comment.",
    [PV, E("Pembrook & Vine spokesperson", "PERSON", roles=["spokesperson for Pembrook & Vine"])],
    [C("lay_off", [("agent", "Pembrook & Vine")],
       "Pembrook & Vine plans to cut about 1,200 jobs", CUTS)],
    [S("The department-store chain Pembrook & Vine plans to cut about 1,200 jobs",
       "indirect", "said", [(1, "assert", None)], anonymous=True, count=1,
       description="a person with knowledge of the plans",
       speaker_text="a person with knowledge of the plans", rule="anonymous-said"),
     S("declined to comment", "reporter", "declined to comment",
       [(1, "no_comment", None)], speaker="Pembrook & Vine spokesperson",
       rule="no-comment")])

doc("5b", "Northgate Post", "",
    "",
    "Pembrook & Vine workers brace for job cuts after report",
    "Staff at Pembrook & Vine stores said they were bracing for job cuts after a report that "
    "the chain would cut about 1,200 jobs. \"Nobody has told us anything,\" said Carla Neves, "
    "a union representative.",
    [PV, E("Carla Neves", "PERSON", roles=["union representative"])],
    [C("lay_off", [("agent", "Pembrook & Vine")],
       "Pembrook & Vine would cut about 1,200 jobs", CUTS)],
    [S("the chain would cut about 1,200 jobs", "reporter", "", [(1, "assert", None)],
       rule="reporter"),
     S("Nobody has told us anything", "direct", "said", [(1, "hedge", None)],
       speaker="Carla Neves", rule="quote-said")])

# Story 6: a wire story syndicated five times.
ID = E("Indonesia", "GPE")
TM = E("Indonesian Ministry of Trade", "GOV", roles=["trade ministry of Indonesia"])
TARIFF = "indonesia|ceramic tableware|restrict"
WIRE = ("Indonesia will impose import tariffs of up to 18% on ceramic tableware from "
        "September to protect local manufacturers, the Indonesian Ministry of Trade said on "
        "Tuesday. The duties will apply to plates, bowls and cups from all countries and will "
        "run for three years, the ministry said in a statement, adding that imports had "
        "tripled since 2023.")
COPIES = [
    ("6a", "Transatlantic Press", "https://transatlanticpress.example/indonesia-tariffs",
     "2026-08-11T09:20:00Z", "Indonesia to impose tariffs of up to 18% on imported ceramic tableware", WIRE),
    ("6d", "Capital Wire", "https://capitalwire.example/indonesia-ceramics",
     "2026-08-11T10:15:00Z", "Indonesia to put tariffs of up to 18% on ceramic tableware imports", WIRE),
    ("6b", "Harbourview Times", "https://harbourviewtimes.example/indonesia-tariffs",
     "2026-08-11T11:02:00Z", "Indonesia slaps tariffs on ceramic tableware imports", WIRE),
    ("6c", "Fernbrook Gazette", "https://fernbrookgazette.example/ceramic-tariffs",
     "2026-08-11T12:48:00Z", "Indonesia announces ceramic tariffs of up to 18%",
     WIRE.replace("18%", "18 percent")),
    ("6e", "The Meridian Ledger", "https://meridianledger.example/jakarta-tableware",
     "2026-08-11T13:30:00Z", "Jakarta targets imported tableware with new tariffs", WIRE),
    ("6f", "Harbourview Times", "https://harbourviewtimes.example/reprint/indonesia-ceramics",
     "2026-08-11T15:00:00Z", "Indonesia to impose tariffs of up to 18 pct on imported ceramic tableware",
     WIRE.replace("said on Tuesday", "said on Tuesday,").replace("18%", "18 pct")),
]
for id, outlet, url, published, title, body in COPIES:
    first = body.split(", the Indonesian")[0]
    doc(id, outlet, url, published, title, body, [ID, TM],
        [C("restrict", [("agent", "Indonesia"), ("theme", "ceramic tableware imports")],
           "Indonesia will impose tariffs of up to 18% on ceramic tableware imports",
           TARIFF, modality="future", cameo="163", plover="SANCTION")],
        [S(first, "indirect", "said", [(1, "assert", None)],
           speaker="Indonesian Ministry of Trade", rule="said-that")])


def span(text, needle, after=0):
    at = text.find(needle, after)
    if at < 0:
        raise SystemExit("not found: %r in %r" % (needle, text[:60]))
    b = len(text[:at].encode("utf-8"))
    return [b, b + len(needle.encode("utf-8"))]


def record(d):
    text = d["title"] + "\n\n" + d["body"]
    body_begin = len((d["title"] + "\n\n").encode("utf-8"))
    body_at = len(d["title"]) + 2  # in characters, for str.find
    names = [e["name"] for e in d["entities"]]
    entities = []
    for i, e in enumerate(d["entities"]):
        mentions = []
        for n in [e["name"]] + e["aliases"]:
            if n in text:
                mentions.append(span(text, n))
        mentions.sort()
        entities.append({"id": "E%d" % (i + 1), "name": e["name"], "type": e["type"],
                         "aliases": e["aliases"], "roles": e["roles"], "mentions": mentions})
    claims = []
    for i, c in enumerate(d["claims"]):
        parts = []
        for role, name in c["parts"]:
            ent = "E%d" % (names.index(name) + 1) if name in names else None
            parts.append({"role": role, "entity": ent, "text": name})
        claims.append({"id": "C%d" % (i + 1), "predicate": c["predicate"], "cameo": c["cameo"],
                       "plover": c["plover"], "participants": parts,
                       "location": c["location"], "time": c["time"],
                       "polarity": c["polarity"], "modality": c["modality"],
                       "text": c["text"], "key": c["key"], "confidence": 0.8,
                       "evidence": []})
    statements = []
    for i, s in enumerate(d["statements"]):
        content = span(text, s["content"], body_at)
        sp = {"entity": None, "entities": [], "name": "", "anonymous": s["anonymous"],
              "count": s["count"], "description": s["description"], "begin": None, "end": None}
        if s["speaker"]:
            sp["entity"] = "E%d" % (names.index(s["speaker"]) + 1)
            sp["entities"] = [sp["entity"]]
            sp["name"] = s["speaker"]
            e = d["entities"][names.index(s["speaker"])]
            for n in [e["name"]] + e["aliases"]:
                if n in d["body"]:
                    sp["begin"], sp["end"] = span(text, n, body_at)
                    break
        elif s["speaker_text"]:
            sp["name"] = s["speaker_text"]
            sp["begin"], sp["end"] = span(text, s["speaker_text"], body_at)
        cue = {"text": s["cue"], "begin": 0, "end": 0}
        if s["cue"]:
            cue["begin"], cue["end"] = span(text, s["cue"])
        stances = [{"claim": "C%d" % c, "value": v, "strength": st, "confidence": 0.9,
                    "principal": False} for c, v, st in s["stances"]]
        statements.append({"id": "S%d" % (i + 1), "speaker": sp, "cue": cue, "kind": s["kind"],
                           "content": {"text": s["content"], "begin": content[0],
                                       "end": content[1]},
                           "via": "S%d" % s["via"] if s["via"] else None,
                           "stances": stances, "confidence": 0.85,
                           "evidence": [content], "rule": s["rule"]})
    return {"schema": "hearsay.extract/1", "models": "handwritten-1", "lexicons": "handwritten-1",
            "document": {"id": d["id"], "url": d["url"], "outlet": d["outlet"],
                         "published": d["published"] or None,
                         "published_from": "meta" if d["published"] else "none",
                         "authors": [], "language": "en", "title": d["title"],
                         "body_begin": body_begin, "text": text},
            "entities": entities, "statements": statements, "claims": claims}


here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "stories.jsonl"), "w", encoding="utf-8") as f:
    for d in DOCS:
        f.write(json.dumps(record(d), ensure_ascii=False, separators=(",", ":")) + "\n")
print("wrote %d records" % len(DOCS))

#!/usr/bin/env python3
"""Writes a synthetic hearsay.extract/1 corpus for ledger stress tests.

Usage: make_corpus.py DOCUMENTS SEED > corpus.jsonl

Stories of 2-8 documents over a few weeks: a first report on anonymous or
named sources, later denials, confirmations, no comments and corrections by
the parties; some stories are syndicated (near-identical bodies at other
outlets), some documents are re-published at the same URL with a changed
text (a new version), and some are exact duplicates. Deterministic for a
given seed.
"""
import json
import random
import sys

# A vocabulary of a few thousand made-up words: bodies of different stories
# share words at news-like rates, so syndication detection sees realistic
# distances.
_vocab = random.Random(0)
WORDS = ["".join(_vocab.choice("abcdefghiklmnoprstuvw") for _ in range(_vocab.randrange(3, 10)))
         for _ in range(4000)]
OUTLETS = ["Northgate Post", "Capital Wire", "Transatlantic Press", "The Meridian Ledger",
           "Harbourview Times", "Fernbrook Gazette", "The Cascadia Courier"]
PREDICATES = ["negotiate", "acquire", "close", "resign", "lay_off", "invest", "sue"]


def main():
    n = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]))
    out = sys.stdout
    written = 0
    story = 0
    while written < n:
        story += 1
        a = "Company%d" % rng.randrange(400)
        b = "Company%d" % rng.randrange(400)
        if a == b:
            b += "x"
        pred = rng.choice(PREDICATES)
        key = "%s|%s|%s" % (a.lower(), b.lower(), pred)
        claim_text = "%s and %s %s story %d" % (a, b, pred, story)
        day = rng.randrange(700)
        docs = rng.randrange(2, 9)
        for k in range(docs):
            if written >= n:
                break
            outlet = rng.choice(OUTLETS)
            body = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(30, 120)))
            body = "%s %s %s. %s" % (a, pred, b, body)
            published = "2025-%02d-%02dT%02d:%02d:00Z" % (
                1 + (day + k) // 28 % 12, 1 + (day + k) % 28, rng.randrange(24), rng.randrange(60))
            statements = []
            if k == 0:
                anon = rng.random() < 0.6
                statements.append({"kind": "according_to" if anon else "indirect",
                                   "speaker": {"anonymous": anon,
                                               "count": rng.randrange(1, 5) if anon else None,
                                               "name": "people familiar" if anon else "Analyst%d" % rng.randrange(50)},
                                   "cue": {"text": "according to"}, "content": {"text": claim_text},
                                   "stances": [{"claim": "C1", "value": "assert"}], "rule": "r"})
            else:
                who = rng.choice(["E1", "E2", None])
                value = rng.choice(["deny", "confirm", "no_comment", "assert", "hedge", "deny"])
                rule = "correction" if (value == "deny" and rng.random() < 0.1) else "said"
                statements.append({"kind": "indirect",
                                   "speaker": {"entity": who, "name": "x"} if who else {"name": outlet},
                                   "cue": {"text": "said"}, "content": {"text": "words %d" % k},
                                   "stances": [{"claim": "C1", "value": value,
                                                "strength": "flat" if value == "deny" else None}],
                                   "rule": rule})
            url = "https://%s.example/%d/%d" % (outlet.split()[-1].lower(), story, k)
            rec = {"schema": "hearsay.extract/1", "models": "synthetic", "lexicons": "synthetic",
                   "document": {"id": "s%d-%d" % (story, k), "url": url, "outlet": outlet,
                                "published": published, "title": "Story %d part %d" % (story, k),
                                "body_begin": 0, "text": body},
                   "entities": [{"name": a, "type": "ORG"}, {"name": b, "type": "ORG"}],
                   "statements": statements,
                   "claims": [{"predicate": pred, "participants": [
                       {"role": "agent", "entity": "E1", "text": a},
                       {"role": "partner", "entity": "E2", "text": b}],
                       "text": claim_text, "key": key, "modality": "reported"}]}
            out.write(json.dumps(rec, separators=(",", ":")) + "\n")
            written += 1
            r = rng.random()
            if r < 0.05 and written < n:      # an exact duplicate
                out.write(json.dumps(rec, separators=(",", ":")) + "\n")
                written += 1
            elif r < 0.12 and written < n:    # syndicated at another outlet
                copy = json.loads(json.dumps(rec))
                copy["document"]["outlet"] = rng.choice(OUTLETS)
                copy["document"]["id"] += "-copy"
                copy["document"]["url"] += "-copy"
                copy["document"]["text"] = body + " Reporting by staff."
                out.write(json.dumps(copy, separators=(",", ":")) + "\n")
                written += 1
            elif r < 0.16 and written < n:    # a new version at the same URL
                edit = json.loads(json.dumps(rec))
                edit["document"]["text"] = body + " This article has been updated."
                edit["statements"][0]["stances"][0]["value"] = "hedge"
                out.write(json.dumps(edit, separators=(",", ":")) + "\n")
                written += 1


main()

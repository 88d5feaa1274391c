"""(A copy of the evaluation scorer, kept here so the tests run from a fresh clone.)

Independent scorer: project output (output-contract JSON) against hand-checked gold.

usage:
  score.py plan    OUT.json GOLD.plan.json
  score.py minutes OUT.json GOLD.minutes.json
  score.py links   LINKS.json GOLD.links.json
  score.py dates   DATES_OUT.jsonl GOLD.dates.jsonl
  score.py real-minutes OUT.json GOLD.minutes.json   (real minutes)
  score.py real-plan OUT.json GOLD.plan.json   (real plans, logs, trackers)
Prints one line per figure; the last line is the headline figure.
"""
import json
import re
import sys
import unicodedata

GLYPHS = "•▪◆➤✓▶"


def norm(s):
    if s is None:
        return ""
    s = unicodedata.normalize("NFKC", str(s))
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    s = s.replace("–", "-").replace("—", "-")
    s = re.sub(f"[{GLYPHS}]", " ", s)
    s = re.sub(r"(^|\s)-\s+", r"\1", s)
    return re.sub(r"\s+", " ", s).strip()


def score_plan(out, gold):
    plan = (out.get("plan") or {}) if isinstance(out, dict) else {}
    orecs = {str(r.get("number")): r for r in plan.get("recommendations", [])}
    total = equal = 0
    gids, oids = set(), set()
    for r in orecs.values():
        for a in r.get("actions", []):
            oids.add(str(a.get("id")))

    def cmp(g, o):
        nonlocal total, equal
        total += 1
        equal += norm(g) == norm(o)

    for gr in gold["recommendations"]:
        orr = orecs.get(str(gr["number"]), {})
        cmp(gr["text"], orr.get("text"))
        for key in ("outcomes", "measured_by", "objectives"):
            ol = [norm(x) for x in orr.get(key, []) or []]
            for x in gr[key]:
                total += 1
                equal += norm(x) in ol
        if gr.get("objectives_heading"):
            cmp(gr["objectives_heading"], orr.get("objectives_heading"))
        oacts = {str(a.get("id")): a for a in orr.get("actions", [])}
        for ga in gr["actions"]:
            gids.add(ga["id"])
            oa = oacts.get(ga["id"], {})
            cmp(ga["text"], oa.get("text"))
            oups = oa.get("updates", []) or []
            for i, gu in enumerate(ga["updates"]):
                ou = oups[i] if i < len(oups) else {}
                td = ou.get("target_date")
                td = td.get("text") if isinstance(td, dict) else td
                cmp(gu["progress"], ou.get("progress"))
                cmp(gu["target_date"], td)
                cmp(gu["accountability"], ou.get("accountability_text"))
                if gu.get("monitor") or ou.get("monitor_text"):
                    cmp(gu["monitor"], ou.get("monitor_text"))
    tp = len(gids & oids)
    p = tp / len(oids) if oids else 0.0
    r = tp / len(gids) if gids else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"actions gold={len(gids)} found={len(oids)} matched={tp} P={p:.3f} R={r:.3f} F1={f1:.3f}")
    acc = equal / total if total else 0.0
    print(f"fields equal {equal}/{total}")
    print(f"plan_field_accuracy={acc:.4f}")
    return acc


def score_minutes(out, gold):
    m = (out.get("meeting") or {}) if isinstance(out, dict) else {}
    oitems = {str(i.get("number")): i for i in m.get("items", [])}
    total = equal = 0
    for gi in gold["items"]:
        oi = oitems.get(str(gi["number"]), {})
        if not gi.get("title_inferred"):  # a lost heading has no title to recover
            total += 1
            equal += norm(gi["title"]).lower() == norm(oi.get("title")).lower()
        opts = {str(p.get("label")): p for p in oi.get("points", [])}
        for gp in gi["points"]:
            total += 1
            equal += norm(gp["text"]) == norm(opts.get(gp["label"], {}).get("text"))
        ores = [norm(r.get("text")) for r in oi.get("resolutions", [])]
        for gr in gi["resolutions"]:
            total += 1
            equal += norm(gr["text"]) in ores
    ga, oa = gold["attendance"], m.get("attendance") or {}
    for k in ("present", "apologies", "officers", "in_attendance"):
        gn = [norm(x["name"]) for x in ga.get(k, [])]
        on = [norm(x.get("name")) for x in oa.get(k, []) or []]
        total += len(gn)
        equal += sum(1 for n in gn if n in on)
    for k in ("date", "start_time", "end_time"):
        total += 1
        equal += str(gold.get(k)) == str(m.get(k))
    acc = equal / total if total else 0.0
    print(f"minutes fields equal {equal}/{total}")
    print(f"minutes_field_accuracy={acc:.4f}")
    return acc


def score_links(out, gold):
    pred = set()
    for l in out:
        mi, pl = l.get("minutes", {}), l.get("plan", {})
        pred.add((str(mi.get("item")), str(mi.get("point")), str(pl.get("action"))))
    gset = {(str(g["item"]), str(g["point"]), a) for g in gold["links"] for a in g["actions"]}
    points = {(str(g["item"]), str(g["point"])) for g in gold["links"]}
    pred = {x for x in pred if (x[0], x[1]) in points}  # only points the gold covers
    tp = len(pred & gset)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gset) if gset else 0.0
    print(f"links gold={len(gset)} predicted={len(pred)} tp={tp} P={p:.3f} R={r:.3f}")
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"links_f1={f1:.3f}")
    return f1


def score_dates(out_lines, gold_lines):
    ok = 0
    for g, o in zip(gold_lines, out_lines):
        gd = [(d["start"], d["end"]) for d in g["dates"]]
        od = [(d.get("start"), d.get("end")) for d in (o.get("dates") or [])]
        ok += gd == od and bool(g.get("tbc")) == bool(o.get("tbc"))
    acc = ok / len(gold_lines) if gold_lines else 0.0
    print(f"dates exact {ok}/{len(gold_lines)}")
    print(f"dates_accuracy={acc:.4f}")
    return acc


# ---- real-minutes: real council minutes ----

_HONORIFIC = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|lady|lord|rev|revd|canon|father|"
    r"alderman|cllr|cllrs|councillor|councillors)\.?\s+)+", re.I)
_POSTNOMINAL = re.compile(r"(?:[\s,]+(?:obe|mbe|cbe|kbe|dbe|jp|dl|bem|qc|kc|mp))+\s*$", re.I)
_VERB = re.compile(r"^(?:resolved|agreed|decision|decided|approved|noted|recommended)\b\s*(?:[-:;,.]\s*)?", re.I)


def _ci(s):
    return norm(s).casefold()


def _name_key(s):
    s = _POSTNOMINAL.sub("", norm(s).strip(" ,;."))
    s = _HONORIFIC.sub("", s)
    s = re.sub(r"[^\w\s'-]", " ", s)
    return re.sub(r"\s+", " ", s).strip().casefold()


def _num_key(s):
    s = norm(s).casefold()
    s = re.sub(r"^(?:minute|item|no\.?|agenda item)\s*", "", s)
    return s.strip(" .):(")


def _label_key(s):
    """'(a)' 'a)' 'a.' 'b.)' -> 'a'/'b'; '1(a)' '1.a' -> '1.a'; '31(2)' -> '31.2'."""
    s = norm(s).casefold()
    return re.sub(r"[^0-9a-z]+", ".", s).strip(".")


def _near_contains(a, b, ratio):
    """a and b equal, or one inside the other and the shorter at least `ratio` of the longer."""
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return short in long_ and len(short) >= ratio * len(long_)


def _f1(tp, n_out, n_gold):
    if n_gold == 0 and n_out == 0:
        return 1.0, 1.0, 1.0
    p = tp / n_out if n_out else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _align(gold_pts, out_pts, item_key):
    """Longest common subsequence of points whose labels agree, in document order, so that
    repeated labels (a, b under 1 and again a, b under 3) pair up in turn. A gold point's
    label matches an output label that equals its own ('a') or its parent-qualified form
    ('3.a', from '3(a)' or '3.a'); an output label prefixed with the item number ('31.2' in
    item 31) is read without the prefix."""
    def gkeys(p):
        lab = _label_key(p.get("label"))
        keys = {lab}
        if p.get("parent") not in (None, ""):
            keys.add(_label_key(p["parent"]) + "." + lab)
        return keys

    def okey(p):
        k = _label_key(p.get("label"))
        if item_key and k.startswith(item_key + ".") and k != item_key:
            k = k[len(item_key) + 1:]
        return k

    gk = [gkeys(p) for p in gold_pts]
    ok = [okey(p) for p in out_pts]
    n, m = len(gk), len(ok)
    dp = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            dp[i][j] = dp[i + 1][j + 1] + 1 if ok[j] in gk[i] else max(dp[i + 1][j], dp[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if ok[j] in gk[i] and dp[i][j] == dp[i + 1][j + 1] + 1:
            pairs.append((i, j))
            i += 1
            j += 1
        elif dp[i + 1][j] >= dp[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def score_real_minutes(out, gold):
    """Items matched by number (or, for unnumbered gold items and any left over, by title);
    points aligned by label within matched items; resolutions compared with their leading
    verb stripped, normalised text containment either way counting when the shorter text is
    at least half the longer; attendance names compared without honorifics or post-nominals."""
    m = (out.get("meeting") or {}) if isinstance(out, dict) else {}
    oitems = list(m.get("items") or [])
    gitems = gold["items"]

    # items
    pair, used = {}, set()
    for gi, g in enumerate(gitems):
        if g.get("number_inferred"):
            continue
        for oi, o in enumerate(oitems):
            if oi not in used and _num_key(o.get("number")) == _num_key(g["number"]) != "":
                pair[gi] = oi
                used.add(oi)
                break
    for gi, g in enumerate(gitems):
        if gi in pair:
            continue
        titles = {_ci(t) for t in [g["title"]] + list(g.get("alt_titles") or [])}
        for oi, o in enumerate(oitems):
            if oi not in used and _ci(o.get("title")) in titles:
                pair[gi] = oi
                used.add(oi)
                break
    ip, ir, if1 = _f1(len(pair), len(oitems), len(gitems))
    print(f"items gold={len(gitems)} found={len(oitems)} matched={len(pair)} P={ip:.3f} R={ir:.3f} F1={if1:.3f}")
    texact = sum(1 for gi, oi in pair.items()
                 if _ci(oitems[oi].get("title")) in {_ci(t) for t in [gitems[gi]["title"]] + list(gitems[gi].get("alt_titles") or [])})
    print(f"item titles exact {texact}/{len(gitems)}")

    # points
    n_gp = sum(len(g["points"]) for g in gitems)
    n_op = sum(len(o.get("points") or []) for o in oitems)
    ptp = ptext = 0
    for gi, oi in pair.items():
        gp, op = gitems[gi]["points"], list(oitems[oi].get("points") or [])
        for a, b in _align(gp, op, _num_key(gitems[gi]["number"])):
            ptp += 1
            want = {norm(t) for t in [gp[a]["text"]] + list(gp[a].get("alt_texts") or [])}
            ptext += norm(op[b].get("text")) in want
    pp, pr, pf1 = _f1(ptp, n_op, n_gp)
    if n_gp == 0:  # nothing to find: not scored, unless points were invented
        pf1 = None if n_op == 0 else 0.0
    shown = "n/a" if pf1 is None else f"{pf1:.3f}"
    print(f"points gold={n_gp} found={n_op} matched={ptp} P={pp:.3f} R={pr:.3f} F1={shown}")
    pshare = ptext / n_gp if n_gp else None
    print(f"point text exact {ptext}/{n_gp} of gold ({ptext}/{ptp} of matched)")

    # resolutions
    def rtext(t):
        return _VERB.sub("", _ci(t)).strip()

    n_gr = sum(len(g["resolutions"]) for g in gitems)
    rok = 0
    for gi, oi in pair.items():
        ores = [rtext(r.get("text")) for r in oitems[oi].get("resolutions") or []]
        free = list(range(len(ores)))
        for gr in gitems[gi]["resolutions"]:
            wants = [rtext(t) for t in [gr["text"]] + list(gr.get("alt_texts") or [])]
            hit = next((k for k in free if any(_near_contains(w, ores[k], 0.5) for w in wants)), None)
            if hit is not None:
                free.remove(hit)
                rok += 1
    rshare = rok / n_gr if n_gr else None
    n_or = sum(len(o.get("resolutions") or []) for o in oitems)
    print(f"resolutions exact {rok}/{n_gr} (output has {n_or})")

    # attendance
    ga, oa = gold.get("attendance") or {}, m.get("attendance") or {}
    all_out = {_name_key(x.get("name")) for v in oa.values() for x in (v or []) if isinstance(x, dict)}
    tot = hit = anyhit = 0
    for k in ("present", "apologies", "officers", "in_attendance", "virtual"):
        gn = [_name_key(x["name"]) for x in ga.get(k, [])]
        if not gn:
            continue
        on = {_name_key(x.get("name")) for x in oa.get(k, []) or [] if isinstance(x, dict)}
        h = sum(1 for n in gn if n in on)
        tot += len(gn)
        hit += h
        anyhit += sum(1 for n in gn if n in all_out)
        print(f"attendance {k} recall {h}/{len(gn)}")
    arec = hit / tot if tot else None
    print(f"attendance recall {hit}/{tot} (in any list {anyhit}/{tot})")

    # date, body, times
    odate = m.get("date") or (out.get("date") if isinstance(out, dict) else None)
    dok = str(odate) in {str(gold.get("date"))} | {str(x) for x in gold.get("date_alt") or []}
    bodies = [_ci(b) for b in [gold.get("body")] + list(gold.get("body_alt") or []) if b]
    bok = any(_near_contains(b, _ci(m.get("body")), 0.6) for b in bodies)
    print(f"date {'correct' if dok else 'wrong'} (gold {gold.get('date')}, output {odate})")
    print(f"body {'correct' if bok else 'wrong'} (gold {gold.get('body')!r}, output {m.get('body')!r})")
    for k in ("start_time", "end_time"):
        ok_ = str(m.get(k)) in {str(gold.get(k))} | {str(x) for x in gold.get(k + "_alt") or []}
        print(f"{k} {'correct' if ok_ else 'wrong'} (gold {gold.get(k)}, output {m.get(k)})")

    parts = {"item_f1": if1, "point_f1": pf1, "point_text": pshare, "resolutions": rshare,
             "attendance": arec, "date": 1.0 if dok else 0.0}
    used_parts = {k: v for k, v in parts.items() if v is not None}
    skipped = [k for k, v in parts.items() if v is None]
    if skipped:
        print(f"not scored (nothing in gold): {', '.join(skipped)}")
    score = sum(used_parts.values()) / len(used_parts)
    print(f"real_minutes_score={score:.4f}")
    return score


# ---- real-plan: real action plans, action logs, RAG reports ----

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad"), "-")
_RAG_WORDS = {"g": "G", "green": "G", "a": "A", "amber": "A", "yellow": "A", "r": "R", "red": "R",
              "b": "B", "blue": "B"}


def _val(s):
    """a field value for exact comparison: normalised, dashes unified, case-folded, trailing
    punctuation dropped; empty means absent."""
    if s is None:
        return None
    if isinstance(s, dict):
        s = s.get("text")
        if s is None:
            return None
    s = norm(str(s).translate(_DASHES)).casefold().rstrip(" .;:,")
    return s or None


def _rag(s):
    v = _val(s)
    if v is None:
        return None
    return _RAG_WORDS.get(v, v.upper())


def _first(*vals):
    for v in vals:
        if v not in (None, "", [], {}):
            return v
    return None


def _records(out):
    """every action-like record of plantrace's output: plan.recommendations[].actions[], then any
    list of records with a text/name field at the top level or under `plan` (e.g. indicators)."""
    recs = []
    if not isinstance(out, dict):
        return recs
    plan = out.get("plan") or {}
    for r in plan.get("recommendations") or []:
        for a in r.get("actions") or []:
            ups = a.get("updates") or []
            u = ups[0] if ups and isinstance(ups[0], dict) else {}
            recs.append({"text": a.get("text"), "page": a.get("page"),
                         "owner": u.get("accountability_text"),
                         "date": u.get("target_date"),
                         "status": _first(a.get("status_text"), u.get("status_text"), a.get("status"), u.get("status")),
                         "rag": _first(a.get("rag"), r.get("rag"), u.get("rag")),
                         "progress": u.get("progress")})
    holders = [(k, v) for k, v in out.items() if k != "plan"] + [(k, v) for k, v in plan.items() if k != "recommendations"]
    for _, v in holders:
        if not isinstance(v, list):
            continue
        for x in v:
            if not isinstance(x, dict) or not (x.get("text") or x.get("name")):
                continue
            recs.append({"text": x.get("text") or x.get("name"), "page": x.get("page"),
                         "owner": _first(x.get("accountability_text"), x.get("owner"), x.get("lead"), x.get("responsible")),
                         "date": _first(x.get("target_date"), x.get("date"), x.get("deadline"), x.get("due")),
                         "status": _first(x.get("status_text"), x.get("status")),
                         "rag": x.get("rag"), "progress": x.get("progress")})
    return recs


def _text_key(s):
    s = norm(s).translate(_DASHES).casefold()
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", s)).strip()


try:
    from rapidfuzz import fuzz as _fuzz

    def _sim(a, b):
        return _fuzz.token_set_ratio(a, b), _fuzz.ratio(a, b)
    _SIM_NAME = "rapidfuzz token_set_ratio"
except ImportError:  # pragma: no cover - fallback when rapidfuzz is not installed
    import difflib

    def _sim(a, b):
        r = 100.0 * difflib.SequenceMatcher(None, a, b).ratio()
        return r, r
    _SIM_NAME = "difflib ratio"


def score_real_plan(out, gold, threshold=85):
    """Gold actions are matched one-to-one to output records by normalised text similarity
    (rapidfuzz token_set_ratio >= 85, else difflib ratio >= 0.85), greedily, best pair first;
    equal scores are broken by same page, then plain ratio, then nearer relative position.
    Field shares count matched actions whose gold field is not null; a field the gold never
    fills is not scored. Owner, date and status compare normalised text (case, dashes and
    trailing punctuation ignored); rag compares the letter (colour words mapped to G/A/R/B)."""
    golds = gold["actions"]
    outs = _records(out)
    gk = [_text_key(g["text"]) for g in golds]
    ok = [_text_key(o.get("text")) for o in outs]
    ng, no = len(golds), len(outs)
    cands = []
    for i, a in enumerate(gk):
        for j, b in enumerate(ok):
            if not a or not b:
                continue
            s1, s2 = _sim(a, b)
            if s1 >= threshold:
                same_page = str(golds[i].get("page")) == str(outs[j].get("page"))
                pos = abs(i / max(ng, 1) - j / max(no, 1))
                cands.append((-s1, not same_page, -s2, pos, i, j))
    cands.sort()
    pair, used = {}, set()
    for *_, i, j in cands:
        if i not in pair and j not in used:
            pair[i] = j
            used.add(j)
    p, r, f1 = _f1(len(pair), no, ng)
    if ng == 0 and no == 0:
        p = r = f1 = 1.0
    print(f"actions gold={ng} found={no} matched={len(pair)} P={p:.3f} R={r:.3f} F1={f1:.3f} ({_SIM_NAME} >= {threshold})")

    parts = {"action_f1": f1}
    for field, conv in (("owner", _val), ("date", _val), ("status", _val), ("rag", _rag)):
        if not any(conv(g.get(field)) is not None for g in golds):
            print(f"{field}: not scored (gold has none)")
            continue
        den = num = 0
        for i, j in pair.items():
            gv = conv(golds[i].get(field))
            if gv is None:
                continue
            den += 1
            num += conv(outs[j].get(field)) == gv
        share = num / den if den else 0.0
        parts[field] = share
        print(f"{field} exact {num}/{den} of matched actions with a gold {field} ({share:.3f})")
    score = sum(parts.values()) / len(parts)
    print(f"real_plan_score={score:.4f}")
    return score


if __name__ == "__main__":
    kind, a, b = sys.argv[1:4]
    if kind == "dates":
        outs = [json.loads(l) for l in open(a) if l.strip()]
        golds = [json.loads(l) for l in open(b) if l.strip()]
        score_dates(outs, golds)
    else:
        out = json.load(open(a))
        gold = json.load(open(b))
        {"plan": score_plan, "minutes": score_minutes, "links": score_links,
         "real-minutes": score_real_minutes, "real-plan": score_real_plan}[kind](out, gold)

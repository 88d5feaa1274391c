"""Attendance lists (present, apologies, officers, in attendance).

Clerks lay these out as two-column grids: either two names per row, or a name
and the role it holds. The columns are recovered from word x positions (or
from tabs in a text rendering), and a row whose only cell is not a name is the
previous person's role wrapping onto a second line.
"""
from __future__ import annotations

import re
from typing import Optional

from plantrace.extract.textform import ends_sentence

from .points import join_wrapped
from .text import Entry, clean, collapse, set_tight

HONORIFIC = r"(?:Mr|Mrs|Miss|Ms|Mx|Dr|Cllr|Councillor|Prof|Professor|Sir|Dame|Lady|Lord|Rev|Revd|Canon|Father|Alderman)\.?"
NAME_RE = re.compile(rf"^{HONORIFIC}\s+[A-Z]", re.U)
_HEAD_WORDS = r"(?:REGRETS|EXCUSED|ATTENDEES|GUESTS?|OFFICERS?|MEMBERS|COUNCILLORS|ALSO|IN|PRESENT|APOLOGIES|FOR|ABSENCE|ATTENDANCE|ABSENT|SUBSTITUTES?|OTHERS?|STAFF|AND|OBSERVERS?|NOT|RECEIVED|WERE|VIRTUALLY|VIRTUAL|REMOTELY|ONLINE|ATTENDING)"
# an office printed before its holder's name ("Mayor Linda Gauthier", "Chair Evans",
# "District Cllr M Fox"): the role, not part of the name
TITLE = (r"(?:Deputy\s+Mayor|Mayor\s+Pro\s+Tem(?:pore)?|Mayor|Vice[- ]Chair(?:man|person)?|Chair(?:man|person)?|Commissioner|"
         r"Council\s?[Mm]ember|Board\s+Member|Trustee|Alderperson|Supervisor|Deputy\s+Reeve|Reeve|Convener|"
         r"Provost|Bailie|President|Vice[- ]President|"
         r"(?:District|County|Borough|City|Town|Parish|Unitary)\s+(?:Cllr|Councillor))")
_TITLED = re.compile(rf"^({TITLE})\.?\s+(?=[A-Z])")
# "Commissioners Adams, Baker and Chen": the office shared by every name of the list
_PLURAL_TITLE = re.compile(r"^((?:County|District|Borough|Town|City|Community|Parish)\s+Councillors|Commissioners|"
                           r"Council\s?[Mm]embers|Board\s+Members|Trustees|Supervisors|Directors|"
                           r"Aldermen|Alderpersons)\s+(?=[A-Z])")
_SINGULAR_TITLE = {"commissioners": "Commissioner", "county councillors": "County Councillor",
                   "district councillors": "District Councillor", "borough councillors": "Borough Councillor",
                   "town councillors": "Town Councillor", "city councillors": "City Councillor",
                   "community councillors": "Community Councillor", "parish councillors": "Parish Councillor",
                   "councilmembers": "Councilmember",
                   "council members": "Council Member", "board members": "Board Member", "trustees": "Trustee",
                   "supervisors": "Supervisor", "directors": "Director", "aldermen": "Alderman",
                   "alderpersons": "Alderperson"}
# a name after a comma or "and" in a list: an honorific or office, or initials and a surname
_LISTED = r"(?:" + HONORIFIC + r"\s|" + TITLE + r"\s|(?:[A-Z]\.?\s?){1,3}\s*[A-Z][a-z]|[A-Z][a-z]+\s+[A-Z][\w'’-]+\s*(?:[,;]|$))"
SECTIONS = ("present", "apologies", "officers", "in_attendance", "virtual", "absent")
POST_NOMINAL = r"(?:OBE|MBE|CBE|KBE|DBE|CVO|LVO|BEM|QPM|JP|DL|QC|KC|MP|MEP|MSP|AM|FRS|PhD)"
_POST_NOMINALS = re.compile(rf"^(?:{POST_NOMINAL}\.?[\s,]*)+$")
_TRAILING_POST = re.compile(rf"(?:[\s,]+{POST_NOMINAL}\b\.?)+\s*$")
_PARTICLE = r"(?:de|del|della|van|von|der|den|le|la|da|di|du|al|el|bin|ap)"
_NAME_WORD = rf"(?:[A-Z][\w'’.-]*|{_PARTICLE})"
# a person's name: honorifics, then initials and names, nothing in lower case but particles
NAME_SHAPE = re.compile(rf"^(?:{HONORIFIC}\s+)*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,5}}$")
# "Clerk J Connelly": a post named before its holder
_ROLE_FIRST = re.compile(r"^((?:Parish\s+|Town\s+|Deputy\s+|Assistant\s+)?Clerk(?:\s+to\s+the\s+Council)?|Responsible\s+Financial\s+Officer|RFO|Proper\s+Officer|Minute\s+Taker)\s*[:\-–]?\s+(.+)$")
HEADING_RE = re.compile(rf"^\s*((?:{_HEAD_WORDS}\b\s*)+)(:?)\s*(.*)$", re.I)
COLUMN_GAP = 12.0  # points; wider than a word space, narrower than a column gutter


def section_of(heading: str) -> Optional[str]:
    h = heading.upper()
    if "APOLOG" in h or "REGRETS" in h or "EXCUSED" in h:
        return "apologies"
    if "ABSENT" in h:
        return "absent"
    if "VIRTUAL" in h or "REMOTE" in h or "ONLINE" in h:
        return "virtual"
    if "OFFICER" in h or "STAFF" in h:
        return "officers"
    if "ATTENDANCE" in h or "ALSO" in h or "OBSERVER" in h or "OTHER" in h or "GUEST" in h:
        return "in_attendance"
    if "PRESENT" in h or "MEMBERS" in h or "COUNCILLORS" in h or "ATTENDEES" in h:
        return "present"
    return None


# "Commissioners Present:", "Board Members Absent:", "Staff Present:": who, then the list's word
_WHO_LIST_RE = re.compile(r"^\s*((?:[A-Z][\w-]*\s+){1,3}?(?:present|absent|in attendance|attending|excused))\s*:\s*(.*)$", re.I)
# "Board members present" set alone in bold: the same heading without its colon
_WHO_BARE_RE = re.compile(r"^\s*((?:[A-Z][\w-]*\s+){1,3}?(?:present|absent|in attendance|attending|excused))\s*()$", re.I)
_STAFF = re.compile(r"\b(?:staff|officers?|employees|clerks?)\b", re.I)


def heading(entry: Entry) -> Optional[tuple[str, bool, str]]:
    """(heading words, finished with a colon, any text after the colon) or None."""
    text = clean(entry.text).replace("**", "")
    m = HEADING_RE.match(text)
    if not m:
        w = _WHO_LIST_RE.match(text) or (_WHO_BARE_RE.match(text) if entry.bold or text.isupper() else None)
        if not w:
            return None
        words = w.group(1)
        if _STAFF.search(words) and re.search(r"present|attend", words, re.I):
            words = "OFFICERS PRESENT"
        elif re.search(r"excused", words, re.I):
            words = "APOLOGIES"
        return words, True, w.group(2).strip()
    words, colon, tail = m.group(1).strip(), m.group(2), m.group(3).strip()
    if tail and not colon:
        return None  # a sentence that merely starts with "Members ..."
    if not colon and not (words.isupper() or entry.bold):
        return None
    return words, bool(colon), tail


def cells(entry: Entry) -> list[tuple[str, Optional[float]]]:
    """Split a row into its columns: by word gaps when geometry exists, else by tabs."""
    words = entry.line.words
    if words and all(w.bbox for w in words):
        out, current, start = [], [], None
        for w in words:
            if current and w.bbox[0] - current[-1].bbox[2] > COLUMN_GAP:
                out.append((" ".join(x.text for x in current), start))
                current = []
            if not current:
                start = w.bbox[0]
            current.append(w)
        if current:
            out.append((" ".join(x.text for x in current), start))
        return [(collapse(t), x) for t, x in out if collapse(t)]
    parts = re.split(r"\t+|\s{3,}", entry.text.replace("**", "").strip())
    return [(collapse(p), None) for p in parts if collapse(p)]


def is_name(text: str) -> bool:
    """An honorific ("Mr", "Cllr") or an office ("Mayor", "County Councillor") before a capitalised name."""
    return bool(NAME_RE.match(text) or _TITLED.match(text))


def name_shaped(text: str) -> bool:
    """A name as printed in a list: honorifics, initials and capitalised names,
    with any role in brackets and honours after it, and no prose."""
    core = _TRAILING_POST.sub("", re.sub(r"(?:\s*\([^)]*\))+\s*$", "", text.strip(" ,;."))).strip(" ,")
    titled = _TITLED.match(core)
    if titled and NAME_SHAPE.match(core[titled.end():]):
        core = core[titled.end():]  # "County Councillor Rhian Morgan": the office is no part of the name
    if not NAME_SHAPE.match(core):
        return False
    words = core.split()
    return is_name(core) or len(words) >= 2 or "(" in text


def _person(text: str, role: Optional[str] = None) -> dict:
    """A listed person: the roles in brackets after the name ("(Leader) (Chair)", all of them),
    honours after it, and an office printed before it ("Mayor Linda Gauthier") as the role."""
    text = text.strip(" ,;")
    honours = None
    bracketed = []
    while (m := re.match(r"^(.*?)\s*\(([^()]*)\)\s*$", text)) and m.group(1).strip(" ,"):
        text, bracketed = m.group(1).strip(" ,"), [collapse(m.group(2)), *bracketed]
    if bracketed and not role:
        role = ", ".join(bracketed)
    elif bracketed:
        text = f"{text} ({') ('.join(bracketed)})"
    titled = _TITLED.match(text)
    if titled and NAME_SHAPE.match(text[titled.end():]):
        text, role = text[titled.end():], role or collapse(titled.group(1))
    post = _TRAILING_POST.search(text)
    if post and post.start() > 0:
        honours = re.findall(POST_NOMINAL, post.group(0))
        text = text[:post.start()].strip(" ,")
    person = {"name": text.strip(" ,;"), "role": role}
    if honours:
        person["post_nominals"] = honours
    return person


# "and 3 members of the public": a head count closing the list, no name
_PUBLIC = r"(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|several|some)\s+(?:members?|residents?|people)\b"


def split_listed(text: str) -> list[str]:
    """A prose list cut at its commas, semicolons and "and"s, but not inside
    brackets ("Mrs S Hammond (Corporate Director Children, Young People and
    Education)") and with honours kept on their holder ("Mr R C Love, OBE"); a
    bracketed role followed straight by the next name ("(Chair) R Healey") ends
    that name."""
    parts, depth, cur, i = [], 0, "", 0
    text = text.strip().rstrip(".")
    while i < len(text):
        c = text[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
            cur += c
            i += 1
            if depth == 0 and re.match(r"\s+(?!and\b|&)(?:[A-Z]|" + HONORIFIC + r")", text[i:]) \
                    and not re.match(r"\s*[,;]", text[i:]):
                parts.append(cur)
                cur = ""
            continue
        if depth == 0:
            m = re.match(r"\s*[,;]\s*|\s+(?:and|&)\s+(?=" + _LISTED + "|" + _PUBLIC + ")", text[i:]) or \
                (re.match(r"\s+(?:and|&)\s+(?=[A-Z])", text[i:]) if cur.endswith(")") else None)
            if m:
                parts.append(cur)
                cur = ""
                i += m.end()
                continue
        cur += c
        i += 1
    parts.append(cur)
    out: list[str] = []
    for part in (collapse(p) for p in parts):
        if not part:
            continue
        if out and _POST_NOMINALS.match(part):
            out[-1] = f"{out[-1]}, {part}"
        else:
            out.append(part)
    return out


_PLURAL = re.compile(r"^(Councillors|Cllrs\.?|Messrs\.?|Drs\.?)\s+(?=[A-Z])")
_SINGULAR = {"councillors": "Councillor", "cllrs": "Cllr", "messrs": "Mr", "drs": "Dr"}


def _inline(tail: str) -> list[dict]:
    """"Present: Councillor A (Chair), Councillor B and Councillor C" written as prose;
    "Councillors B Jones, C Brown and D White" gives each of them the title."""
    parts = split_listed(tail)
    people, shared, office = [], None, None
    for part in (p.strip() for p in parts):
        if not part:
            continue
        plural = _PLURAL.match(part)
        plural_title = _PLURAL_TITLE.match(part)
        titled = _TITLED.match(part)
        if plural:
            shared, office = _SINGULAR[plural.group(1).rstrip(".").lower()], None
            part = f"{shared} {part[plural.end():]}"
        elif plural_title:
            shared, office = None, _SINGULAR_TITLE[re.sub(r"\s+", " ", plural_title.group(1).lower())]
            part = part[plural_title.end():]
        elif titled:
            shared, office = None, None
        elif is_name(part):
            shared, office = None, None
        elif shared:
            part = f"{shared} {part}"
        if titled:
            person = _person(part[titled.end():])
            person["role"] = person["role"] or collapse(titled.group(1))
            people.append(person)
            continue
        if office:
            person = _person(part)
            person["role"] = person["role"] or office
            people.append(person)
            continue
        dashed = _DASHED.match(part)
        if dashed and name_shaped(dashed.group(1)):
            people.append(_person(dashed.group(1), dashed.group(2)))  # "Will Bowen – Chief Executive"
            continue
        post_first = _POST_FIRST.match(part)
        if post_first and not is_name(part):
            people.append(_person(post_first.group(2), post_first.group(1)))  # "City Manager Tom Brandt"
            continue
        if people and people[-1]["role"] is None and _ROLE_WORD.search(part) and not is_name(part):
            people[-1]["role"] = part  # "Eve Park, Parks Director": the post after its holder
            continue
        people.append(_person(part))
    return people


_ROLE_WORDS = (r"(?:Director|Manager|Clerk|Officer|Attorney|Counsel|Engineer|Planner|Secretary|Treasurer|"
               r"Administrator|Superintendent|Coordinator|Analyst|Advisor|Adviser|Assistant|Executive|Head)")
_ROLE_WORD = re.compile(rf"\b{_ROLE_WORDS}\b")


# "Will Bowen – Chief Executive": a name, a dash, the post
_DASHED = re.compile(r"^(.+?)\s+[–—-]\s+(\S.*)$")
# "City Manager Tom Brandt": a post ending in a post word, then a full name of two or three words
_POST_FIRST = re.compile(rf"^((?:[A-Z][a-z]+\s+){{0,3}}{_ROLE_WORDS})\s+([A-Z][a-z]+(?:\s+[A-Z][\w'’-]+){{1,2}})$")


_SENTENCE = re.compile(r"^(?P<what>apologies(?: for absence)?)\b.*?\b(?:from|by)\s+(?P<who>.+)$", re.I)
# "Councillor D White sent apologies", "Mr A and Mrs B gave their apologies"
_SENT = re.compile(r"^(?P<who>.+?)\s+(?:had\s+)?(?:sent|gave|given|tendered|offered|submitted)\s+(?:their\s+|his\s+|her\s+)?apologies\b", re.I)
# "The Democratic Services Manager reported apologies from Mr A, Mrs B and Sir C D."
_REPORTED = re.compile(r"\b(?:reported|received|noted|tendered|given)\s+(?:the\s+)?apologies(?: for absence)?\s+(?:from|of|by)\s+(?P<who>.+)$", re.I)


def _sentence(text: str) -> Optional[tuple[str, list[dict]]]:
    """"Apologies for absence were received from Councillor G Grey." as a sentence."""
    m = _SENTENCE.match(clean(text).replace("**", ""))
    if not m:
        return None
    people = [p for p in _inline(m.group("who")) if is_name(p["name"]) or (p["role"] and name_shaped(p["name"]))]
    return ("apologies", people) if people else None


def _role_first(text: str) -> Optional[dict]:
    m = _ROLE_FIRST.match(clean(text))
    if m and name_shaped(m.group(2)):
        return _person(m.group(2), m.group(1))
    return None


def extract_attendance(lines: list[Entry], pitch: Optional[float] = None) -> dict:
    out: dict[str, list[dict]] = {k: [] for k in SECTIONS}
    section: Optional[str] = None
    pending = ""  # heading words still waiting for their colon ("OFFICERS" / "PRESENT:")
    role_x: Optional[float] = None
    prose: list[Entry] = []  # a list written as running text after its heading ("PRESENT: Mr A, Mr B, ...")

    def flush():
        if prose and section:
            text = " ".join(clean(e.text) for e in prose)
            m = re.match(r"^[^:]*:\s*", text) if heading(prose[0]) else None
            out[section].extend(p for p in _inline(text[m.end():] if m else text)
                                if name_shaped(p["name"]) or (p["role"] and NAME_SHAPE.match(p["name"])))
        prose.clear()

    for e in lines:
        said = _sentence(e.text)
        if said:
            flush()
            out[said[0]].extend(said[1])
            continue
        h = heading(e)
        if h:
            flush()
            words, colon, tail = h
            pending = f"{pending} {words}".strip()
            if colon or tail:
                section, pending = section_of(pending), ""
                if section and tail:
                    prose.append(e)
            continue
        if prose:
            if set_tight(prose[-1], e, pitch) or pitch is None and not ends_sentence(prose[-1].text):
                prose.append(e)
                continue
            flush()
            section = None
            continue
        if pending:
            section, pending = section_of(pending), ""
        if section is None:
            continue
        officer = _role_first(e.text)
        if officer:
            out["officers"].append(officer)
            continue
        row = cells(e)
        if not row:
            continue
        people = out[section]
        first, x_first = row[0]
        if not is_name(first):
            listed = _inline(first) if len(row) == 1 else []
            if len(listed) > 1 and re.search(r"[;,]\s", first) and not _PLURAL.match(first) \
                    and not _PLURAL_TITLE.match(first):
                prose.append(e)  # "Will Bowen – Chief Executive; Catrin Lloyd – ...": a list set as prose
                continue
            if listed and all(name_shaped(p["name"]) for p in listed) and (_PLURAL.match(first) or
                                                                         _PLURAL_TITLE.match(first)):
                people.extend(listed)  # "Councillors D Richardson (Chair) R Healey, ..."
                continue
            if len(row) >= 2 and name_shaped(first) and not _ROLE_WORD.search(first) and \
                    (role_x is None or (row[1][1] is not None and abs(row[1][1] - role_x) < 20)):
                role_x = row[1][1]
                people.append(_person(first, collapse(" ".join(t for t, _ in row[1:]))))  # "Gareth Lewis | Board Member"
                continue
            continued = people and (
                people[-1]["role"] is not None
                or (role_x is not None and x_first is not None and abs(x_first - role_x) < 20)
            )
            if continued:
                text = " ".join(t for t, _ in row)
                prev = people[-1]
                prev["role"] = collapse(f"{prev['role'] or ''} {text}")
            continue
        if len(row) == 1 and not name_shaped(first) and not (len(listed := _inline(first)) > 1):
            section = None  # a sentence ("Councillor A welcomed ..."): the lists are over
            continue
        if len(row) >= 2 and all(is_name(t) for t, _ in row):
            people.extend(_person(t) for t, _ in row)
        elif len(row) >= 2:
            role_x = row[1][1]
            people.append(_person(first, collapse(" ".join(t for t, _ in row[1:]))))
        elif len(listed := _inline(first)) > 1 and all(is_name(p["name"]) for p in listed):
            people.extend(listed)  # the whole list set as one line of prose
        else:
            people.append(_person(first))
    flush()
    return {section: _once(people) for section, people in out.items()}


_TABLE_HEAD = re.compile(r"^(?:name|names|attendee|attendees|member|members|role|title|position|designation|"
                         r"job title|organisation|organization)$", re.I)


def _table_section(cell: str) -> Optional[str]:
    """The list a cell names when it is a section heading of its own ("Present:", "In attendance")."""
    m = HEADING_RE.match(cell)
    return section_of(m.group(1)) if m and not m.group(3).strip() else None


def sectioned_table(rows: list[list[str]]) -> Optional[dict[str, list[dict]]]:
    """An attendance table (a board's Name | Role grid): a row holding only a section heading
    ("Present:", "In attendance:", "Apologies:"), or a heading in the first column, puts the
    Name | Role rows after it in that list. Without any section heading it is no attendance table."""
    out: dict[str, list[dict]] = {}
    head = [collapse(c or "") for c in rows[0]] if rows else []
    columns = [_table_section(h) if h else None for h in head]
    if sum(1 for c in columns if c) >= 2:  # "Members present | Officers present": a list per column
        for row in rows[1:]:
            for col, cell in zip(columns, row):
                text = collapse(cell or "")
                if col and text and name_shaped(text):
                    out.setdefault(col, []).append(_person(text))
        return out or None
    section = None
    for row in rows:
        vals = [collapse(c) for c in row if c and c.strip()]
        if not vals or all(_TABLE_HEAD.match(v) for v in vals):
            continue
        head = _table_section(vals[0])
        if head:
            section, vals = head, vals[1:]
            if not vals:
                continue
        if section is None or not name_shaped(vals[0]):
            continue
        out.setdefault(section, []).append(_person(vals[0], " ".join(vals[1:]) or None))
    return out or None


def from_item(title: str, lines: list[Entry]) -> dict[str, list[dict]]:
    """Apologies (or absences) recorded as an item of their own: "Apologies" over
    "A Armstrong EDC and M Armstrong", or a sentence "Apologies were received
    from Mrs C Bell." An office written in capitals after a name ("EDC") is its role."""
    section = "apologies" if re.search(r"\bapolog", title or "", re.I) else None
    if section is None:
        return {}
    text = ""
    for e in lines:
        text = join_wrapped(text, clean(e.text)) if text else clean(e.text)
    text = re.sub(r"^(?:\((?:agenda\s+)?item\s+[\w.]+\)\s*)+", "", text, flags=re.I)  # "(Item 1)": the agenda's number
    if not text or re.match(r"^(?:none|nil|no apologies)\b", text, re.I):
        return {}
    sentences = re.split(r"(?<=[a-z)])\.\s+", text)
    first = sentences[0]
    told = []
    for sentence in sentences:
        said = _sentence(sentence)
        if said:
            told.extend(said[1])
            continue
        m = _REPORTED.search(sentence) or _SENT.match(sentence)
        if m:
            told.extend(p for p in _inline(m.group("who")) if is_name(p["name"]) or name_shaped(p["name"]))
    if told:
        return {section: told}
    people = []
    for part in split_listed(first):
        m = re.match(r"^(.*?)\s+([A-Z]{2,5})$", part)
        person = _person(m.group(1), m.group(2)) if m and name_shaped(m.group(1)) else _person(part)
        if name_shaped(person["name"]):
            people.append(person)
    return {section: people} if people else {}


def _once(people: list[dict]) -> list[dict]:
    """A list row repeated at the top of the next page (a table's first row set
    to repeat like a header) names the same person once."""
    seen, kept = set(), []
    for p in people:
        key = (p["name"], p["role"])
        if key not in seen:
            seen.add(key)
            kept.append(p)
    return kept


_STATUS = (("apologies", re.compile(r"^(?:excused|apologies|apology|sent apologies)$", re.I)),
           ("absent", re.compile(r"^(?:absent|not present)$", re.I)),
           ("virtual", re.compile(r"^(?:remote|remotely|virtual|online|teleconference|by phone)$", re.I)),
           ("present", re.compile(r"^(?:present|late|arrived late|here|in person|yes)$", re.I)))


def roll_call(rows: list[list[str]]) -> Optional[dict[str, list[dict]]]:
    """A roll-call table (name, title, status, arrived): each member in the list
    its status gives. The header row names the columns; cells are read in order,
    since a table set without rules can offset its columns."""
    if not rows:
        return None
    head = [c.strip().lower() for c in rows[0] if c and c.strip()]
    if not head or "name" not in head[0] or not any(re.search(r"status|present|attend", h) for h in head[1:]):
        return None
    status_at = next(i for i, h in enumerate(head) if re.search(r"status|present|attend", h) and i)
    role_at = next((i for i, h in enumerate(head) if re.search(r"title|role|position|seat", h)), None)
    out: dict[str, list[dict]] = {}
    for row in rows[1:]:
        vals = [collapse(c) for c in row if c and c.strip()]
        if len(vals) <= status_at:
            continue
        status = vals[status_at]
        section = next((k for k, rx in _STATUS if rx.match(status)), None)
        if section is None:
            continue
        person = _person(vals[0], vals[role_at] if role_at is not None and role_at < len(vals) else None)
        if status.lower() != section:
            person["status"] = status
        if len(vals) > status_at + 1:
            person["arrived"] = vals[status_at + 1]
        out.setdefault(section, []).append(person)
    return out or None

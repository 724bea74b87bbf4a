#!/usr/bin/env python3
"""An oracle for the roster's search that shares no code with Sanbao (issue 20).

Reads a data directory's household files and, for each query given, prints the household
numbers (last four digits) whose search text matches, twice, as JSON:
{"query": {"narrow": ["0002", ...], "wide": [...]}}. Narrow reads each hanzi by its most
common reading only, wide by every reading pypinyin knows (朱 zhu and shu, 莉 li and chi):
Sanbao's own table (Unihan's readings of the modern dictionaries) lies between, so what the
app finds must include the narrow set and stay within the wide one.
The rule is the one docs/guide.*.md and PinyinQuery's documentation state, implemented
again here by backtracking, with readings from pypinyin (not Unihan's table that Sanbao
carries): a query matches when the text holds it as a run of consecutive characters where
each hanzi is matched by a non-empty prefix of any of its readings (u or v for ü) or by
itself, other characters by themselves (case-insensitively), and a space in the query may be
left out in the text. The search text of a household: its members' names, its number, its
village and its group; a query of three or more digits also finds the end of an ID number. Usage: oracle-search.py DATA-DIR QUERY...
"""
import json, pathlib, sys
from functools import lru_cache
from pypinyin import pinyin, Style


WIDE = True


@lru_cache(maxsize=None)
def readings_of(ch, wide):
    if not ('\u3400' <= ch <= '\u9fff'):
        return ()
    found = pinyin(ch, style=Style.NORMAL, heteronym=wide, v_to_u=False)[0]
    out = set()
    for r in found:
        r = r.lower()
        if r == ch:
            continue
        out.add(r)
        out.add(r.replace('v', 'u'))
    return tuple(sorted(out))


def readings(ch):
    return readings_of(ch, WIDE)


def matches_at(text, i, query, j):
    """Whether query[j:] can be matched starting at text[i]."""
    if j == len(query):
        return True
    if query[j] == ' ':
        # A space in the query may be in the text or left out.
        return matches_at(text, i, query, j + 1) or (i < len(text) and text[i] == ' ' and matches_at(text, i + 1, query, j + 1))
    if i == len(text):
        return False
    ch = text[i]
    if ch.lower() == query[j] and matches_at(text, i + 1, query, j + 1):
        return True
    for r in readings(ch):
        k = 0
        while k < len(r) and j + k < len(query) and query[j + k] == r[k]:
            k += 1
            if matches_at(text, i + 1, query, j + k):
                return True
    return False


def matches(text, query):
    q = ' '.join(query.lower().split())
    return q == '' or any(matches_at(text, i, q, 0) for i in range(len(text) + 1))


def id_end(ids, query):
    """A query of three or more digits (an X allowed) also finds a member whose ID number
    ends with it; only the last six characters of ID numbers are kept for searching."""
    q = query.upper()
    if len(q) < 3 or not all(c.isdigit() or c == 'X' for c in q):
        return False
    return any(i.upper().endswith(q[-6:]) for i in ids)


def main():
    data, queries = pathlib.Path(sys.argv[1]), sys.argv[2:]
    texts = []
    for f in sorted((data / 'households').glob('*.jsonl')):
        for line in f.read_text(encoding='utf-8').splitlines():
            h = json.loads(line)
            if 'members' not in h:
                continue  # the header line
            words = [m['name'] for m in h['members']] + [h['number'], h['address']['village'], h['address']['group']]
            ids = [m.get('id_number') or '' for m in h['members']]
            texts.append((h['number'][-4:], ' '.join(words), ids))
    global WIDE
    out = {}
    for q in queries:
        WIDE = False
        narrow = sorted(n for n, t, ids in texts if matches(t, q) or id_end(ids, q))
        WIDE = True
        out[q] = {"narrow": narrow, "wide": sorted(n for n, t, ids in texts if matches(t, q) or id_end(ids, q))}
    print(json.dumps(out, ensure_ascii=False))


main()

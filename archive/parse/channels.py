"""How cases were found: canonical channel keys for the method phrases bulletins use (lexicon/channels.tsv)."""

from __future__ import annotations

from functools import lru_cache

from archive.parse import lexicon


def _keywords() -> dict[str, tuple[str, ...]]:
    keys: dict[str, list[str]] = {}
    for entry in lexicon.entries():
        if entry.kind in ("channel", "channel_key"):
            keys.setdefault(entry.value, []).append(entry.surface)
    return {key: tuple(words) for key, words in keys.items()}


# The keywords of each key, in DESIGN.md's order.
CHANNEL_KEYWORDS: dict[str, tuple[str, ...]] = _keywords()
_KEYWORD_KEY = {word: key for key, words in CHANNEL_KEYWORDS.items() for word in words}


@lru_cache(maxsize=4096)  # labels repeat from page to page
def channel_key(label: str) -> str:
    """The key of the channel a label names: ``other`` when it names none or several.

    Every keyword occurrence is found (overlaps included); a match lying inside a
    longer match is dropped (闭环管理重点人员 inside 非闭环管理重点人员).
    """
    matches = []
    for word, key in _KEYWORD_KEY.items():
        start = label.find(word)
        while start != -1:
            matches.append((start, start + len(word), key))
            start = label.find(word, start + 1)
    kept = {
        key
        for start, end, key in matches
        if not any(s <= start and end <= e and (e - s) > (end - start) for s, e, _ in matches)
    }
    return kept.pop() if len(kept) == 1 else "other"

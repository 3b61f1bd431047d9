"""Names the register may lack: capitalised words that are neither a mention nor a known non-person.

Example:
    >>> len(unregistered_names(chapter, mentions(chapter, register), known_names))
    0
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from wordfreq import zipf_frequency

from analysis.text import Chapter


#: Words that are never (the start of) a person's name, capitalised or not.
FUNCTION_WORDS = frozenset("""a an the and or but nor if then so as at by for from in into of off on
onto out over to up upon with within without about above after against along among around
before behind below beneath beside besides between beyond during except like near since
through throughout till toward towards under until unlike via i me my mine we us our ours
you your yours he him his she her hers it its they them their theirs this that these those
who whom whose which what when where why how all any both each either every few many more
most much neither no none not nothing only other some such than too very yes is are was were
be been being am has have had do does did will would shall should can could may might must
here there now even also yet still just once again ever never always already one two three
ten""".split())


#: Lower-case words that may join the parts of one name (``Fernando de los Rios``).
NAME_PARTICLES = frozenset({"de", "los", "la", "las", "del", "di", "da", "du", "des", "von",
                            "van", "der", "den", "le"})


def unregistered_names(chapter: Chapter, found: pd.DataFrame, known: pd.DataFrame,
                       common_zipf: float = 4.0) -> pd.DataFrame:
    """List capitalised word sequences that might be people missing from the register.

    A candidate is a run of capitalised words in one sentence of the
    narration or the notes (the headings take part in no analysis; lower-case
    name particles such as ``de los`` may join them) that is neither a
    registered mention nor made up of names listed as not people. A capitalised
    word that opens a sentence is dropped when it is a function word, a
    common English word (Zipf frequency ``>= common_zipf`` in ``wordfreq``)
    or used in lower case elsewhere in the text.

    Returns:
        ``candidate, start, end, paragraph_id, sentence_id, in_note``, one row
        per occurrence, in text order (group by ``candidate`` to count).

    Example:
        >>> len(unregistered_names(chapter, mentions(chapter, register), known_names))
        0
    """
    covered = np.zeros(len(chapter.seed_text) + 1, dtype=bool)
    for a, b in found[["start", "end"]].itertuples(index=False):
        covered[a:b] = True
    words = chapter.words
    lower_used = set(words.loc[~words["token"].str[:1].str.isupper(), "lower"])
    kinds = dict(zip(chapter.paragraphs["paragraph_id"], chapter.paragraphs["kind"]))
    tokens = chapter.tokens[chapter.tokens["paragraph_id"].map(kinds) != "title"]
    known_seqs = {tuple(n.split()) for n in known["name"]}
    longest = max((len(k) for k in known_seqs), default=1)
    rows = []
    for run in _capitalised_runs(tokens, covered, lower_used, common_zipf):
        if not _explained([t[1] for t in run], known_seqs, longest):
            rows.append((" ".join(t[1] for t in run), run[0][2], run[-1][3], run[0][4],
                         run[0][0], kinds[run[0][4]] == "editorial"))
    return pd.DataFrame(rows, columns=["candidate", "start", "end", "paragraph_id",
                                       "sentence_id", "in_note"]).astype(
        {"start": "int64", "end": "int64", "paragraph_id": "int64", "sentence_id": "int64",
         "in_note": bool})


def _capitalised_runs(tokens: pd.DataFrame, covered: np.ndarray, lower_used: set[str],
                      common_zipf: float) -> list[list[tuple]]:
    """Runs of capitalised words within sentences, as ``(sentence_id, token, start,
    end, paragraph_id)`` tuples; see :func:`unregistered_names` for the rules."""
    runs: list[list[tuple]] = []
    current: list[tuple] = []
    sentence, seen_word = None, False
    columns = ["sentence_id", "token", "start", "end", "paragraph_id", "lower", "is_word"]
    for sid, token, start, end, pid, lower, is_word in zip(*(tokens[c] for c in columns)):
        if sid != sentence:
            runs.append(current)
            current, sentence, seen_word = [], sid, False
        initial = is_word and not seen_word
        seen_word = seen_word or is_word
        item = (sid, token, start, end, pid)
        if covered[start] or not is_word or not _is_name_word(token):
            if current and lower in NAME_PARTICLES:
                current.append(item)
            else:
                runs.append(current)
                current = []
        elif initial and (lower in lower_used or zipf_frequency(lower, "en") >= common_zipf):
            runs.append(current)
            current = []
        else:
            current.append(item)
    runs.append(current)
    out = []
    for run in runs:
        while run and run[-1][1].lower() in NAME_PARTICLES:
            run.pop()
        if run:
            out.append(run)
    return out


def _is_name_word(token: str) -> bool:
    """A capitalised word that is not a function word (``MY`` is not a name)."""
    return token[:1].isupper() and token.lower() not in FUNCTION_WORDS


def _explained(tokens: list[str], known: set[tuple[str, ...]], longest: int) -> bool:
    """True if ``tokens`` split wholly into names listed as not people."""
    i = 0
    while i < len(tokens):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            if tuple(tokens[i:i + n]) in known:
                i += n
                break
        else:
            return False
    return True

"""The rules that find time expressions: words, patterns, and the type each rule gives.

Each rule is a regular expression over the established text (scanning errors
corrected, so ``19 18`` reads ``1918``) with named groups that the normaliser
reads (:mod:`analysis.timeline.expressions`). The rules follow the TIMEX3
types of TimeML: ``DATE``, ``TIME``, ``DURATION``, ``SET`` and ``AGE`` (the
annotation guidelines' addition). A span is the smallest stretch that says the
time, with its determiner and modifiers and without a leading preposition
(``in 1921`` → ``1921``; ``at the time`` → ``the time``): a rule that needs the
words before the span to decide matches them in its group ``lead``, which is
left out of the span. Where two rules
match overlapping stretches, the longer match is kept.

Example:
    >>> [name for name, rx in RULES if rx.search("during this summer of 1921")][:2]
    ['season_year', 'year']
    >>> number("forty-one"), number("twelve"), number("a few")
    (41, 12, None)
"""

from __future__ import annotations

import re

#: Cardinal number words (and ``a``/``an``, one).
UNITS_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS_WORDS = {w: 10 * i for i, w in enumerate(
    "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}

#: Words that give a quantity without a number (``some years`` is ``PXY``).
VAGUE = ("a few", "a couple of", "several", "some", "many", "a number of")

#: TIMEX3 unit letters of the calendar units (durations are ``P`` + number + letter).
UNIT_LETTER = {"year": "Y", "month": "M", "week": "W", "day": "D", "night": "D",
               "decade": "DE", "century": "CE", "hour": "H", "minute": "MIN"}

MONTHS = ("January February March April May June July August September October November "
          "December").split()

#: TIMEX3 season codes.
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "AU", "winter": "WI"}

#: TIMEX3 parts of the day.
PARTS_OF_DAY = {"morning": "MO", "dawn": "MO", "daybreak": "MO", "afternoon": "AF",
                "noon": "AF", "evening": "EV", "dusk": "EV", "nightfall": "EV", "night": "NI",
                "midnight": "NI"}

_NUM = (r"(?:(?:" + "|".join(sorted(TENS_WORDS, key=len, reverse=True)) + r")(?:-(?:"
        + "|".join(w for w in UNITS_WORDS if w != "zero") + r"))?|"
        + "|".join(sorted(UNITS_WORDS, key=len, reverse=True)) + r"|\d{1,3})")
_QTY = (r"(?P<qty>" + "|".join(VAGUE) + r"|an?|" + _NUM + r")")
_UNIT = r"(?P<unit>year|month|week|day|night|decade|centur(?:y|ie)|hour|minute)s?"
_YEAR = r"(?P<year>1\d{3}|20\d{2})(?![\d,]\d)"
_MONTH = r"(?P<month>" + "|".join(MONTHS) + r")"
_DAYN = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_SEASON = r"(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter)"
_PHASE = r"(?:(?:the )?(?:beginning|start|end|middle|height) of )?"
_YEAR_MOD = r"(?:(?:about|around|circa|c\.|early in|late in|early|late|mid-) ?)?"
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
            "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
            "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
            "twenty-first": 21}
_RELATIVE = r"(?P<rel>previous|preceding|following|next|last|same|coming|this|that)"
_PART = r"(?P<part>" + "|".join(PARTS_OF_DAY) + r")"


def _rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


#: The rules, in order of preference among matches of equal length — ``(name, pattern)``.
RULES: list[tuple[str, re.Pattern[str]]] = [
    ("full_date", _rx(r"\b" + _DAYN + r" " + _MONTH + r",? " + _YEAR + r"\b")),
    ("full_date_us", _rx(r"\b" + _MONTH + r" " + _DAYN + r", " + _YEAR + r"\b")),
    ("day_month", _rx(r"\b" + _DAYN + r" " + _MONTH + r"\b")),
    ("month_day", _rx(r"\b" + _MONTH + r" " + _DAYN + r"\b(?!,? \d)")),
    ("month_year", _rx(r"\b" + _YEAR_MOD + _MONTH + r"(?: of)? " + _YEAR + r"\b")),
    ("season_year", _rx(r"\b" + _PHASE + r"(?:(?:the|this|that) )?(?:(?:early|late) )?" + _SEASON
                        + r"(?: of)? " + _YEAR + r"\b", re.I)),
    ("decade", _rx(r"\b(?:the )?(?:early |late |mid-)?(?P<decade>1\d\d0|20\d0)'?s\b")),
    ("century", _rx(r"\bthe (?P<ordinal>" + "|".join(_ORDINAL) + r") century\b", re.I)),
    ("turn_of_century", _rx(r"\bthe turn of the century\b", re.I)),
    ("year", _rx(r"(?<![\w,.])" + _YEAR_MOD + _YEAR + r"(?!\w)")),
    ("month", _rx(r"(?P<lead>\b(?:in|of|by|until|since) )"
                  r"(?:(?:early|late|mid-) ?)?" + _MONTH + r"\b(?! \d)")),
    ("season", _rx(r"\b" + _PHASE + r"(?P<det>the|this|that|last|next|every|each)"
                   r" (?:(?:early|late) )?" + _SEASON + r"(?P<plural>s)?\b(?! of \d)(?!\s+(?-i:[A-Z]))",
                   re.I)),
    ("relative_unit", _rx(r"\b(?:the )?" + _RELATIVE + r" (?P<unit>year|month|week|day|time|"
                          r"moment|morning|afternoon|evening|night)\b(?! of)", re.I)),
    ("at_the_time", _rx(r"(?P<lead>\bat )(?:the|this|that) (?:time|moment)\b", re.I)),
    ("part_of_day", _rx(r"\b(?P<det>one|every|each|that|this|the same|the following|the next)"
                        r" " + _PART + r"\b", re.I)),
    ("parts_of_day", _rx(r"(?P<lead>\bin )the (?P<part>mornings|afternoons|evenings|nights)\b", re.I)),
    ("bare_part", _rx(r"\b(?P<part>dawn|daybreak|dusk|nightfall|midnight|noon)\b", re.I)),
    ("every_unit", _rx(r"\b(?:every|each) (?P<unit>day|week|month|year)\b", re.I)),
    ("one_to_next", _rx(r"(?P<lead>\bfrom )one (?P<unit>day|week|month|year) to the next\b", re.I)),
    ("ago", _rx(r"\b" + _QTY + r" " + _UNIT + r" (?P<dir>ago|earlier|before|later|afterwards)\b",
                re.I)),
    ("for_units_after", _rx(r"(?P<lead>\bfor )(?P<unit>years|months|weeks|days) (?:after|afterwards)\b",
                            re.I)),
    ("units_after", _rx(r"\b(?P<unit>years|months|weeks|days) (?P<dir>later|afterwards)\b",
                        re.I)),
    ("one_day", _rx(r"\bone day\b(?! to the next)", re.I)),
    ("duration", _rx(r"\b(?:(?:about|nearly|almost|more than|less than|some) )?" + _QTY
                     + r" " + _UNIT + r"\b(?! ago| old)", re.I)),
    ("for_units", _rx(r"(?P<lead>\bfor )(?P<unit>years|months|weeks|days|hours)\b(?! afterwards)",
                      re.I)),
    ("age_of", _rx(r"\bthe age of (?P<qty>" + _NUM + r")\b", re.I)),
    ("aged", _rx(r"\baged (?P<qty>" + _NUM + r")\b", re.I)),
    ("years_old", _rx(r"\b(?P<qty>" + _NUM + r") years? old\b", re.I)),
    ("was_age", _rx(r"(?P<lead>\b(?:was|is|be) )(?:(?:just over|just under|about|nearly|almost|barely"
                    r"|over|under) )?(?P<qty>" + _NUM + r")(?=[,.;]| and\b| when\b| with\b)",
                    re.I)),
    ("later", _rx(r"\b(?:(?:much|long|shortly|soon|not long|a little|some time) )?"
                  r"(?P<dir>later|afterwards|earlier)\b(?! than)", re.I)),
    ("future", _rx(r"\bthe (?P<dir>future|past)\b(?! tense)", re.I)),
    ("long_past", _rx(r"\b(?:years|days|times) long past\b|\blong ago\b", re.I)),
    ("those_days", _rx(r"(?P<lead>\bin )(?P<det>those|these) days\b", re.I)),
    ("deictic_day", _rx(r"\b(?P<word>today|tonight|yesterday|tomorrow)\b", re.I)),
    ("now", _rx(r"\bnow\b(?! and (?:then|again))", re.I)),
    ("then", _rx(r"(?P<lead>\b(?:by|until|till|since|even|was|were|is|are) )then\b", re.I)),
]

#: The TIMEX3 type each rule gives (``duration`` rules give a DATE for ``ago``; see the normaliser).
TYPES: dict[str, str] = {
    "full_date": "DATE", "full_date_us": "DATE", "day_month": "DATE", "month_day": "DATE",
    "month_year": "DATE", "season_year": "DATE", "decade": "DATE", "century": "DATE",
    "turn_of_century": "DATE", "year": "DATE", "month": "DATE", "season": "DATE",
    "relative_unit": "DATE", "at_the_time": "DATE", "part_of_day": "TIME",
    "parts_of_day": "SET", "bare_part": "TIME", "every_unit": "SET", "one_to_next": "SET",
    "ago": "DATE", "for_units_after": "DURATION", "units_after": "DATE",
    "duration": "DURATION", "for_units": "DURATION", "age_of": "AGE", "aged": "AGE",
    "years_old": "AGE", "was_age": "AGE", "later": "DATE", "future": "DATE",
    "long_past": "DATE", "those_days": "DATE", "deictic_day": "DATE", "now": "DATE",
    "then": "DATE", "one_day": "DATE",
}

#: The rules whose value depends on the time the passage narrates (resolved from context).
RELATIVE_RULES = frozenset({"day_month", "month_day", "month", "season", "relative_unit",
                            "at_the_time", "part_of_day", "ago", "units_after", "later",
                            "those_days", "now", "then", "one_day", "turn_of_century",
                            "bare_part", "deictic_day"})


def number(word: str) -> int | None:
    """The number a quantity word or numeral says (``None`` for ``some``, ``a few`` …).

    Example:
        >>> number("twenty-five"), number("74"), number("an"), number("several")
        (25, 74, 1, None)
    """
    w = word.lower().strip()
    if w.isdigit():
        return int(w)
    if w in ("a", "an"):
        return 1
    if w in UNITS_WORDS:
        return UNITS_WORDS[w]
    tens, _, units = w.partition("-")
    if tens in TENS_WORDS and (not units or units in UNITS_WORDS):
        return TENS_WORDS[tens] + (UNITS_WORDS[units] if units else 0)
    return None


def ordinal(word: str) -> int | None:
    """The number an ordinal word says (``nineteenth`` → 19).

    Example:
        >>> ordinal("Twentieth"), ordinal("last")
        (20, None)
    """
    return _ORDINAL.get(word.lower())


_ADVERBS = (r"(?:\s+(?:soon|later|never|now|then|all|also|still|only|eventually|shortly|"
            r"afterwards|himself|herself|themselves|one day|not|for(?:\s+[\w-]+){1,3}))*")

#: Words that tell a fate in advance or speak from a later time (hindsight), as patterns over a
#: sentence: the future in the past (``was to``, ``were all to``, ``was for some ten years to
#: be``, but not ``which was to``, a plan of the time), fate words, later times and the time of
#: writing. Each cue's name is what :func:`analysis.timeline.hindsight.hindsight` reports.
HINDSIGHT_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("was to", _rx(r"(?<!\bwhich )(?<!\bthat )\b(?:was|were)" + _ADVERBS
                   + r"\s+to\s+(?!the\b|a\b|an\b|him\b|her\b|them\b|me\b|us\b)[a-z]+", re.I)),
    ("destined to", _rx(r"\b(?:destined|fated) to\b", re.I)),
    ("end of a life", _rx(r"\bend (?:his|her|their) (?:days|life|lives)\b", re.I)),
    ("later", _rx(r"\b(?:much|long) later\b|\blater in (?:history|life)\b|"
                  r"\b(?:years|long) (?:later|afterwards)\b", re.I)),
    ("even now", _rx(r"\beven now\b|\bup (?:till|until|to) now\b|\bto this day\b", re.I)),
    ("still", _rx(r"\b(?:is|are|am) still\b|\bstill (?:am|is|are|believe|think|remain)\b", re.I)),
]


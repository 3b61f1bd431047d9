"""Sentence sentiment by several lexicon methods, side by side, and explained.

Three scorers, each giving a score in [-1, 1] per sentence:

- ``vader``: VADER (Hutto & Gilbert 2014) with the lexicon bundled in the
  ``vaderSentiment`` package, run on the established text as it stands;
- ``textblob``: TextBlob's ``PatternAnalyzer`` (the *pattern* adjective
  lexicon), polarity;
- ``vader_patched``: the project's method, the book's recommended one
  (:data:`RECOMMENDED`): VADER on a fresh analyser whose lexicon is patched
  with the reviewed domain terms of ``analysis/data/sentiment_lexicon_patch.csv``
  (vocabulary of revolution and repression), after typographic quotes and
  dashes are turned into ASCII so that VADER's punctuation stripping and
  negation rules ("isn’t", "‘purging") see the words, and with one irony
  rule: a positive word inside *scare quotes* (a short quoted phrase that
  opens in lower case and is not an utterance, e.g. ‘an inspired turn to the
  Right’, ‘official truth’) counts 0 (:func:`scare_quoted`).

Every VADER score is explainable: :func:`word_contributions` lists the words
that fired, with their lexicon value and their valence after VADER's boosters,
negation and "but" rules, with seed offsets.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
from textblob.en.sentiments import PatternAnalyzer
from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer, SentiText

from analysis.csvtable import read_csv_table
from analysis.errors import DataFileError
from analysis.source import data_path
from analysis.text import Chapter

#: The scoring methods, in display order, with a one-line description.
METHODS: dict[str, str] = {
    "vader": "VADER, bundled lexicon, text as it stands",
    "textblob": "TextBlob PatternAnalyzer polarity",
    "vader_patched": "VADER + reviewed domain lexicon patch + ASCII quotes (the project's)",
}

#: The method the book recommends and uses wherever it says "sentiment".
RECOMMENDED = "vader_patched"

#: The bundled domain lexicon patch (``term, value, reason``).
PATCH_FILE = "sentiment_lexicon_patch.csv"

#: The hand annotation of sentences (-2..+2, as Serge means them), under ``analysis/data``.
ANNOTATION_FILE = "annotations/sentiment.csv"

_TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"',
                             "—": "-", "–": "-"})
_CHUNK = re.compile(r"\S+")
_QUOTED = re.compile(r"‘([^‘’]{1,80})’")


def load_lexicon_patch(path: str | Path | None = None) -> pd.DataFrame:
    """Read and check a lexicon patch CSV (``term, value, reason``).

    A term is one lower-case word without white space; its value is a VADER
    valence in [-4, 4]; its reason is required (the patch is reviewed data);
    a term appears once.

    Raises:
        DataFileError: naming the file, the row (header = row 1) and the column.

    Example:
        >>> patch = load_lexicon_patch()
        >>> float(patch.set_index("term").loc["ready", "value"])
        0.0
    """
    file = data_path(PATCH_FILE) if path is None else Path(path)
    raw = read_csv_table(file, ["term", "value", "reason"])
    seen: dict[str, int] = {}
    values = []
    for i, (term, value, reason) in enumerate(raw[["term", "value", "reason"]]
                                              .itertuples(index=False), start=2):
        where = f"{file}: row {i}"
        if not term or term != term.strip().lower() or re.search(r"\s", term):
            raise DataFileError(f"{where}, column 'term': {term!r} is not one lower-case word")
        if term in seen:
            raise DataFileError(f"{where}, column 'term': {term!r} already given in row "
                                f"{seen[term]}")
        seen[term] = i
        try:
            number = float(value)
        except ValueError:
            raise DataFileError(f"{where}, column 'value': {value!r} is not a number") from None
        if not -4.0 <= number <= 4.0:
            raise DataFileError(f"{where}, column 'value': {number} is outside VADER's "
                                "range [-4, 4]")
        if not reason.strip():
            raise DataFileError(f"{where}, column 'reason': empty; say why the term is patched")
        values.append(number)
    return pd.DataFrame({"term": raw["term"], "value": pd.Series(values, dtype="float64"),
                         "reason": raw["reason"]})


def load_annotations(chapter: Chapter, path: str | Path | None = None) -> pd.DataFrame:
    """Read and check the hand annotation of sentence sentiment.

    Columns ``sentence_id, start, end, split, batch, score, reason, text``:
    each row names a sentence by its id, its seed offsets and its established
    text, so that a change of segmentation or text is caught, not silently
    scored against the wrong sentence. ``score`` is an integer in -2..+2,
    ``split`` is ``dev`` (may be looked at when tuning) or ``heldout``
    (never), ``batch`` the annotation round (a positive whole number: batch 2
    was annotated after the held-out part of batch 1 had been scored once,
    as a fresh held-out set), and ``reason`` is required. Returns those
    columns plus ``paragraph_id``.

    Raises:
        DataFileError: naming the file, the row (header = row 1) and the column.

    Example:
        >>> from analysis import load_chapter
        >>> ann = load_annotations(load_chapter())
        >>> len(ann) >= 150, sorted(ann["split"].unique())
        (True, ['dev', 'heldout'])
    """
    file = data_path(ANNOTATION_FILE) if path is None else Path(path)
    columns = ["sentence_id", "start", "end", "split", "batch", "score", "reason", "text"]
    raw = read_csv_table(file, columns)
    sents = chapter.sentences.set_index("sentence_id")
    seen: dict[int, int] = {}
    rows = []
    for i, rec in enumerate(raw[columns].itertuples(index=False), start=2):
        where = f"{file}: row {i}"
        ints = {}
        for col in ("sentence_id", "start", "end", "batch", "score"):
            value = getattr(rec, col).strip()
            if not re.fullmatch(r"[+-]?\d+", value):
                raise DataFileError(f"{where}, column '{col}': {value!r} is not a whole number")
            ints[col] = int(value)
        sid = ints["sentence_id"]
        if sid not in sents.index:
            raise DataFileError(f"{where}, column 'sentence_id': no sentence {sid} in the "
                                f"chapter (it has {len(sents)})")
        if sid in seen:
            raise DataFileError(f"{where}, column 'sentence_id': sentence {sid} already "
                                f"annotated in row {seen[sid]}")
        seen[sid] = i
        sent = sents.loc[sid]
        for col in ("start", "end"):
            if ints[col] != int(sent[col]):
                raise DataFileError(
                    f"{where}, column '{col}': sentence {sid} now has {col} {int(sent[col])}, "
                    f"not {ints[col]}: the text or its segmentation changed; re-check the row")
        if rec.text != sent["text"]:
            raise DataFileError(f"{where}, column 'text': differs from sentence {sid}'s text "
                                f"({sent['text'][:40]!r}...): the text changed; re-check the row")
        if ints["score"] not in (-2, -1, 0, 1, 2):
            raise DataFileError(f"{where}, column 'score': {ints['score']} is not in -2..+2")
        if rec.split not in ("dev", "heldout"):
            raise DataFileError(f"{where}, column 'split': {rec.split!r} is not 'dev' or "
                                "'heldout'")
        if ints["batch"] < 1:
            raise DataFileError(f"{where}, column 'batch': {ints['batch']} is not a positive "
                                "round number")
        if not rec.reason.strip():
            raise DataFileError(f"{where}, column 'reason': empty; say why")
        rows.append((sid, int(sent["paragraph_id"]), ints["start"], ints["end"], rec.split,
                     ints["batch"], ints["score"], rec.reason, rec.text))
    return pd.DataFrame(rows, columns=["sentence_id", "paragraph_id", "start", "end", "split",
                                       "batch", "score", "reason", "text"])


def vader_analyzer(patch: pd.DataFrame | None = None) -> SentimentIntensityAnalyzer:
    """Return a new VADER analyser, its own lexicon updated with ``patch``.

    The analyser is a fresh instance, so patching never touches another one.

    Example:
        >>> plain, patched = vader_analyzer(), vader_analyzer(load_lexicon_patch())
        >>> plain.lexicon["ready"], patched.lexicon["ready"]
        (1.5, 0.0)
    """
    analyzer = SentimentIntensityAnalyzer()
    if patch is not None:
        analyzer.lexicon = {**analyzer.lexicon, **dict(zip(patch["term"], patch["value"]))}
    return analyzer


def ascii_typography(text: str) -> str:
    """Replace curly quotes and dashes by ASCII characters of the same length.

    Example:
        >>> ascii_typography("‘This isn’t the time’ — he said")
        "'This isn't the time' - he said"
    """
    return text.translate(_TYPOGRAPHY)


def scare_quoted(text: str, max_words: int = 6) -> list[bool]:
    """For each whitespace chunk of ``text``, whether it lies inside scare quotes.

    Scare quotes: a phrase in single curly quotes of at most ``max_words``
    words that opens with a lower-case letter and does not end with ``.``,
    ``!`` or ``?`` (so quoted speech and titles are not taken for irony).
    A phrase holding an apostrophe (’) is not recognised: a known limit.

    Example:
        >>> scare_quoted("It was ‘an inspired turn’ indeed. ‘Do you think so?’ he said")
        [False, False, True, True, True, False, False, False, False, False, False, False]
    """
    spans = [m.span(1) for m in _QUOTED.finditer(text)
             if len(m.group(1).split()) <= max_words and m.group(1)[:1].islower()
             and not m.group(1).rstrip().endswith((".", "!", "?"))]
    return [any(a < e and b > s for s, e in spans)
            for a, b in (m.span() for m in _CHUNK.finditer(text))]


def patched_valences(analyzer: SentimentIntensityAnalyzer,
                     text: str) -> list[tuple[str, float, bool]]:
    """The project's per-word valences: ``(word, valence, in_scare_quotes)`` per chunk.

    VADER's valences (:func:`vader_valences`) on the text with ASCII quotes
    and dashes, then every positive valence inside scare quotes set to 0.

    Example:
        >>> a = vader_analyzer(load_lexicon_patch())
        >>> [v for v in patched_valences(a, "an ‘official truth’ grew") if v[2]]
        [('official', 0.0, True), ('truth', 0.0, True)]
    """
    quoted = scare_quoted(text)
    return [(w, 0.0 if (q and v > 0) else v, q)
            for (w, v), q in zip(vader_valences(analyzer, ascii_typography(text)), quoted)]


def patched_compound(analyzer: SentimentIntensityAnalyzer, text: str) -> float:
    """The ``vader_patched`` score of one text: VADER's compound of :func:`patched_valences`.

    Example:
        >>> patched_compound(vader_analyzer(load_lexicon_patch()), "The famine.")
        -0.5859
    """
    valences = [v for _, v, _ in patched_valences(analyzer, text)]
    return float(analyzer.score_valence(valences, ascii_typography(text))["compound"])


def score_method(texts: pd.Series, method: str, patch: pd.DataFrame | None = None) -> pd.Series:
    """Score each text by one method of :data:`METHODS` (named after the method).

    ``patch`` (for ``vader_patched``) defaults to the bundled lexicon patch.

    Example:
        >>> score_method(pd.Series(["a horrible death"]), "textblob").tolist()
        [-1.0]
    """
    texts = pd.Series(texts, dtype="object")
    if method == "textblob":
        pattern = PatternAnalyzer()
        values = [float(pattern.analyze(t).polarity) for t in texts]
    elif method == "vader":
        plain = vader_analyzer()
        values = [plain.polarity_scores(t)["compound"] for t in texts]
    elif method == "vader_patched":
        patched = vader_analyzer(load_lexicon_patch() if patch is None else patch)
        values = [patched_compound(patched, t) for t in texts]
    else:
        raise ValueError(f"unknown method {method!r}; one of {list(METHODS)}")
    return pd.Series(values, index=texts.index, name=method, dtype="float64")


def score_texts(texts: pd.Series, patch: pd.DataFrame | None = None) -> pd.DataFrame:
    """Score each text by every method in :data:`METHODS` (columns in that order).

    ``patch`` defaults to the bundled lexicon patch.

    Example:
        >>> s = score_texts(pd.Series(["The Cheka made ready to shoot all of them."]))
        >>> s.round(3).iloc[0].to_dict()
        {'vader': 0.026, 'textblob': 0.2, 'vader_patched': -0.542}
    """
    return pd.concat([score_method(texts, m, patch) for m in METHODS], axis=1)


def sentence_scores(chapter: Chapter, patch: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per sentence: offsets, a score per method and ``sentiment``.

    Columns ``sentence_id, paragraph_id, start, end``, then one column per
    method of :data:`METHODS`, then ``sentiment``, the score of the
    :data:`RECOMMENDED` method; all scores lie in [-1, 1]. This is the table
    exported as ``sentiment.csv``.

    Example:
        >>> from analysis import load_chapter
        >>> ch = load_chapter()
        >>> s = sentence_scores(ch)
        >>> list(s.columns)[4:]
        ['vader', 'textblob', 'vader_patched', 'sentiment']
        >>> len(s) == len(ch.sentences)
        True
    """
    sents = chapter.sentences
    scores = score_texts(sents["text"], patch)
    out = sents[["sentence_id", "paragraph_id", "start", "end"]].copy()
    out[list(METHODS)] = scores.to_numpy()
    out["sentiment"] = out[RECOMMENDED]
    return out.reset_index(drop=True)


def vader_valences(analyzer: SentimentIntensityAnalyzer, text: str) -> list[tuple[str, float]]:
    """Return VADER's per-word valences for ``text``, one per whitespace chunk.

    This replays the loop of ``SentimentIntensityAnalyzer.polarity_scores``
    (lexicon look-up, boosters, negation, idioms, then the "but" rule), so
    that ``analyzer.score_valence`` of these valences gives the compound
    score exactly. Words VADER treats as boosters get 0.

    Example:
        >>> [(w, round(v, 3)) for w, v in vader_valences(vader_analyzer(), "not good at all")]
        [('not', 0.0), ('good', -1.406), ('at', 0.0), ('all', 0.0)]
    """
    sentitext = SentiText(text)
    words = sentitext.words_and_emoticons
    sentiments: list[float] = []
    for i, item in enumerate(words):
        if item.lower() in BOOSTER_DICT or (
                i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of"):
            sentiments.append(0)
            continue
        sentiments = analyzer.sentiment_valence(0, sentitext, item, i, sentiments)
    sentiments = analyzer._but_check(words, sentiments)
    return [(w, float(v)) for w, v in zip(words, sentiments)]


def word_contributions(chapter: Chapter, method: str = RECOMMENDED,
                       patch: pd.DataFrame | None = None) -> pd.DataFrame:
    """List every lexicon word of every sentence with its weight, with offsets.

    One row per whitespace-delimited word that is in the method's lexicon:
    ``sentence_id, paragraph_id, start, end`` (seed offsets of the word),
    ``word`` (as VADER saw it), ``lexicon`` (its lexicon value),
    ``valence`` (after boosters, negation and "but", and for
    ``vader_patched`` the scare-quote rule; the compound score is VADER's
    normalisation of the sentence's sum of valences plus punctuation
    emphasis) and ``scare_quoted``. For ``vader`` and ``vader_patched`` only.

    Example:
        >>> from analysis import load_chapter
        >>> ch = load_chapter()
        >>> w = word_contributions(ch, "vader")
        >>> sid = ch.find(r"made ready to shoot").loc[0, "sentence_id"]
        >>> w.loc[w["sentence_id"] == sid, ["word", "lexicon"]].to_dict("list")
        {'word': ['ready', 'shoot'], 'lexicon': [1.5, -1.4]}
    """
    by_sentence = dict(tuple(chapter.tokens.groupby("sentence_id", sort=False)))
    analyzer = _analyzer_for(method, patch)
    rows = []
    for sid, pid, text in chapter.sentences[["sentence_id", "paragraph_id", "text"]] \
            .itertuples(index=False):
        spans = _chunk_spans(text, by_sentence[sid])
        for (word, valence, quoted), (start, end) in zip(_valences(analyzer, method, text), spans):
            value = analyzer.lexicon.get(word.lower())
            if value is not None:
                rows.append((sid, pid, start, end, word, float(value), float(valence), quoted))
    return pd.DataFrame(rows, columns=["sentence_id", "paragraph_id", "start", "end", "word",
                                       "lexicon", "valence", "scare_quoted"])


def _analyzer_for(method: str, patch: pd.DataFrame | None) -> SentimentIntensityAnalyzer:
    """A fresh analyser for a VADER method (the patch only for ``vader_patched``)."""
    if method == "vader":
        return vader_analyzer()
    if method == "vader_patched":
        return vader_analyzer(load_lexicon_patch() if patch is None else patch)
    raise ValueError(f"unknown VADER method {method!r}; 'vader' or 'vader_patched'")


def _valences(analyzer: SentimentIntensityAnalyzer, method: str,
              text: str) -> list[tuple[str, float, bool]]:
    """Per-chunk ``(word, valence, scare_quoted)`` for a VADER method."""
    if method == "vader":
        return [(w, v, False) for w, v in vader_valences(analyzer, text)]
    return patched_valences(analyzer, text)


def _chunk_spans(text: str, toks: pd.DataFrame) -> list[tuple[int, int]]:
    """Seed spans of each whitespace chunk of a sentence, from its tokens.

    Tokens cover every non-space character of the sentence, so consecutive
    tokens are joined until they spell the chunk; the span runs from the first
    to the last token holding a letter or digit (or the whole chunk if none).
    """
    tok_text = toks["token"].tolist()
    starts, ends, is_word = (toks["start"].tolist(), toks["end"].tolist(),
                             toks["is_word"].tolist())
    spans, k = [], 0
    for chunk in _CHUNK.findall(text):
        built, first = "", k
        while len(built) < len(chunk) and k < len(tok_text):
            built += tok_text[k]
            k += 1
        inner = [j for j in range(first, k) if is_word[j]] or list(range(first, k))
        spans.append((starts[inner[0]], ends[inner[-1]]) if inner else (-1, -1))
    return spans


def sentence_explanations(chapter: Chapter, method: str = RECOMMENDED,
                          patch: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per sentence: the words that fired and a flag for no lexicon word at all.

    Columns ``sentence_id, paragraph_id, start, end, score, n_lexicon_words,
    fired`` (e.g. ``"ready +0.00; shoot -2.50"``, the valences after VADER's
    rules, marked when the scare-quote rule applied) and ``no_lexicon_word``
    (True when the score is 0 only because the lexicon knows none of the
    sentence's words: a blind spot, not neutrality).

    Example:
        >>> from analysis import load_chapter
        >>> e = sentence_explanations(load_chapter())
        >>> int(e.loc[0, "n_lexicon_words"]), bool(e.loc[0, "no_lexicon_word"])
        (0, True)
    """
    words = word_contributions(chapter, method, patch)
    scores = sentence_scores(chapter, patch)
    fired = (words.assign(item=[f"{w} {v:+.2f}{' (scare quotes)' if q else ''}" for w, v, q
                                in zip(words["word"], words["valence"], words["scare_quoted"])])
             .groupby("sentence_id")["item"].agg("; ".join))
    counts = words.groupby("sentence_id").size()
    out = scores[["sentence_id", "paragraph_id", "start", "end"]].copy()
    out["score"] = scores[method]
    out["n_lexicon_words"] = out["sentence_id"].map(counts).fillna(0).astype(int)
    out["fired"] = out["sentence_id"].map(fired).fillna("")
    out["no_lexicon_word"] = out["n_lexicon_words"] == 0
    return out


def explain_text(text: str, method: str = RECOMMENDED,
                 patch: pd.DataFrame | None = None) -> pd.DataFrame:
    """The words of one text that carry weight for ``method``: ``word, weight``.

    For the VADER methods, the weight is the word's valence after VADER's
    rules (booster and negation included); for ``textblob``, each pattern
    assessment (a word or a negated/intensified phrase) and its polarity.

    Example:
        >>> explain_text("The Cheka made ready to shoot all of them.", "vader")
        ... # doctest: +NORMALIZE_WHITESPACE
            word  weight
        0  ready     1.5
        1  shoot    -1.4
    """
    if method == "textblob":
        assessed = PatternAnalyzer().analyze(text, keep_assessments=True).assessments
        rows = [(" ".join(words), float(polarity)) for words, polarity, _, _ in assessed]
    elif method in ("vader", "vader_patched"):
        analyzer = _analyzer_for(method, patch)
        rows = [(w, float(v)) for w, v, _ in _valences(analyzer, method, text)
                if w.lower() in analyzer.lexicon]
    else:
        raise ValueError(f"explain_text: unknown method {method!r}; one of {list(METHODS)}")
    return pd.DataFrame(rows, columns=["word", "weight"])


def _cluster_bootstrap_means(values: np.ndarray, clusters: np.ndarray, n_boot: int,
                             rng: np.random.Generator) -> np.ndarray:
    """Means of ``n_boot`` resamples drawing whole clusters with replacement."""
    labels, inverse = np.unique(clusters, return_inverse=True)
    sums = np.bincount(inverse, weights=values, minlength=len(labels))
    counts = np.bincount(inverse, minlength=len(labels)).astype(float)
    draws = rng.integers(0, len(labels), size=(n_boot, len(labels)))
    return sums[draws].sum(axis=1) / counts[draws].sum(axis=1)


def scores_by_group(scores: pd.Series, groups: pd.Series, clusters: pd.Series | None = None,
                    n_boot: int = 1000, seed: int = 0, level: float = 0.95) -> pd.DataFrame:
    """Mean score per group with a percentile bootstrap interval.

    Sentences of one paragraph are not independent, so pass their
    ``clusters`` (e.g. ``paragraph_id``): the bootstrap then redraws whole
    clusters within each group, which gives honest, wider intervals. Without
    clusters each row is its own. Returns ``group, n, n_clusters, mean, low,
    high``, sorted by group; seeded.

    Example:
        >>> s = pd.Series([0.5, 0.5, -0.5, -0.5])
        >>> g = pd.Series(["a", "a", "b", "b"])
        >>> scores_by_group(s, g, n_boot=50)  # doctest: +NORMALIZE_WHITESPACE
          group  n  n_clusters  mean  low  high
        0     a  2           2   0.5  0.5   0.5
        1     b  2           2  -0.5 -0.5  -0.5
    """
    rng = np.random.default_rng(seed)
    alpha = (1 - level) / 2
    values = np.asarray(scores, dtype=float)
    frame = pd.DataFrame({"score": values, "group": np.asarray(groups),
                          "cluster": (np.arange(len(values)) if clusters is None
                                      else np.asarray(clusters))})
    rows = []
    for group, part in frame.groupby("group", sort=True):
        means = _cluster_bootstrap_means(part["score"].to_numpy(), part["cluster"].to_numpy(),
                                         n_boot, rng)
        rows.append((group, len(part), part["cluster"].nunique(), float(part["score"].mean()),
                     float(np.quantile(means, alpha)), float(np.quantile(means, 1 - alpha))))
    return pd.DataFrame(rows, columns=["group", "n", "n_clusters", "mean", "low", "high"])


def group_difference(scores: pd.Series, groups: pd.Series, first: str, second: str,
                     clusters: pd.Series | None = None, n_boot: int = 1000, seed: int = 0,
                     level: float = 0.95) -> pd.Series:
    """Mean of group ``first`` minus mean of group ``second``, with a bootstrap interval.

    Clusters are redrawn within each group as in :func:`scores_by_group`.
    Returns ``difference, low, high``.

    Example:
        >>> s = pd.Series([0.2, 0.4, -0.5, -0.7])
        >>> g = pd.Series(["nep", "nep", "terror", "terror"])
        >>> round(float(group_difference(s, g, "terror", "nep", n_boot=50)["difference"]), 6)
        -0.9
    """
    rng = np.random.default_rng(seed)
    values, labels = np.asarray(scores, dtype=float), np.asarray(groups)
    cl = np.arange(len(values)) if clusters is None else np.asarray(clusters)
    a, b = labels == first, labels == second
    boots = (_cluster_bootstrap_means(values[a], cl[a], n_boot, rng)
             - _cluster_bootstrap_means(values[b], cl[b], n_boot, rng))
    alpha = (1 - level) / 2
    return pd.Series({"difference": float(values[a].mean() - values[b].mean()),
                      "low": float(np.quantile(boots, alpha)),
                      "high": float(np.quantile(boots, 1 - alpha))})


def paragraph_kinds(chapter: Chapter, scores: pd.DataFrame) -> pd.Series:
    """The kind (title, narrative, editorial) of each score row's paragraph.

    Example:
        >>> from analysis import load_chapter
        >>> ch = load_chapter()
        >>> paragraph_kinds(ch, sentence_scores(ch)).iloc[0]
        'title'
    """
    kinds = chapter.paragraphs.set_index("paragraph_id")["kind"]
    return scores["paragraph_id"].map(kinds).rename("kind")


def sentiment_by_kind(chapter: Chapter, scores: pd.DataFrame | None = None,
                      n_boot: int = 1000, seed: int = 0) -> pd.DataFrame:
    """Mean ``sentiment`` per paragraph kind (narration vs editor's notes), with intervals.

    Returns ``kind, n, n_clusters, mean, low, high`` (paragraphs are the
    bootstrap clusters); title lines are left out.

    Example:
        >>> from analysis import load_chapter
        >>> sentiment_by_kind(load_chapter(), n_boot=100)["kind"].tolist()
        ['editorial', 'narrative']
    """
    scores = sentence_scores(chapter) if scores is None else scores
    kinds = paragraph_kinds(chapter, scores)
    keep = (kinds != "title").to_numpy()
    table = scores_by_group(scores.loc[keep, "sentiment"], kinds[keep],
                            scores.loc[keep, "paragraph_id"], n_boot, seed)
    return table.rename(columns={"group": "kind"})


def dominant_theme(themes: pd.DataFrame, threshold: float = 1.0,
                   theme_columns: list[str] | None = None) -> pd.Series:
    """Each paragraph's dominant theme, or ``"none"`` if no score reaches ``threshold``.

    ``themes`` is a paragraph table (``paragraph_id`` and one score column
    per theme, e.g. ``analysis.themes.paragraph_scores``, weighted hits per
    100 words); ``theme_columns`` defaults to every column but
    ``paragraph_id``, ``start`` and ``end``. Returns a Series indexed by
    ``paragraph_id``.

    Example:
        >>> t = pd.DataFrame({"paragraph_id": [1, 2, 3], "terror": [3.0, 0.5, 0.2],
        ...                   "nep": [1.0, 2.0, 0.1]})
        >>> dominant_theme(t).tolist()
        ['terror', 'nep', 'none']
    """
    columns = theme_columns or [c for c in themes.columns
                                if c not in ("paragraph_id", "start", "end")]
    values = themes[columns].to_numpy(dtype=float)
    best = np.array(columns, dtype=object)[values.argmax(axis=1)]
    label = np.where(values.max(axis=1) >= threshold, best, "none")
    return pd.Series(label, index=themes["paragraph_id"].to_numpy(), name="theme")


def sentiment_by_theme(scores: pd.DataFrame, themes: pd.DataFrame, threshold: float = 1.0,
                       n_boot: int = 1000, seed: int = 0) -> pd.DataFrame:
    """Mean ``sentiment`` of the sentences of each theme's paragraphs, with intervals.

    Each paragraph is given its :func:`dominant_theme` (the groups do not
    overlap; ``none`` collects paragraphs where no theme reaches
    ``threshold``). Paragraphs are the bootstrap clusters. Returns ``theme,
    n, n_clusters, mean, low, high``.

    Example:
        >>> scores = pd.DataFrame({"paragraph_id": [1, 1, 2, 3], "sentiment": [-0.5, -0.3, 0.4, 0]})
        >>> themes = pd.DataFrame({"paragraph_id": [1, 2, 3], "terror": [2.0, 0.0, 0.0],
        ...                        "nep": [0.0, 1.5, 0.0]})
        >>> sentiment_by_theme(scores, themes, n_boot=50)[["theme", "n", "mean"]]
        ... # doctest: +NORMALIZE_WHITESPACE
            theme  n  mean
        0     nep  1   0.4
        1    none  1   0.0
        2  terror  2  -0.4
    """
    theme = scores["paragraph_id"].map(dominant_theme(themes, threshold)).fillna("none")
    table = scores_by_group(scores["sentiment"], theme, scores["paragraph_id"], n_boot, seed)
    return table.rename(columns={"group": "theme"})

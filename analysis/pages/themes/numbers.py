"""Every number the page *Themes* names in its prose, rounded as the prose prints it.

Example:
    >>> n = numbers(Analyses(chapter), older_scope={"nep": "famine|starv|hunger"}, cited=[38])
    >>> n["themes_n_readers"], n["themes_older_scope_nep"], n["themes_rho_terror_free_thought_strength"]
    (2, 6, 'weak')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from analysis import themes
from analysis.pages import as_number, at
from analysis.pages.format import p_text, reach, strength
from analysis.pages.themes.measures import (METHODS, NODE_WEIGHT, by_reader, collocates,
                                            comparison, concordance_term, correlations,
                                            key_words, reader_agreement, readings, standard)
from analysis.results import Analyses
from analysis.themes import vocabulary


def numbers(results: Analyses, *, older_scope: Mapping[str, str] | None = None,
            cited: Iterable[int] = (), term: str | None = None) -> dict[str, object]:
    """Every number the page's prose names, rounded as it prints them (``None``: undefined here).

    Args:
        older_scope: theme -> a pattern of reader A's reasons
            (:func:`analysis.themes.adjudication.scope_disagreements`): the
            disagreements where reader A gave the theme under an older, wider
            scope (``themes_older_scope_<theme>``, and the readers' exact
            agreement without them).
        cited: paragraphs whose scores the prose cites (``themes_score_p<id>_<theme>``).
        term: the concordance's query (default :func:`~analysis.pages.themes.measures.concordance_term`).

    See the module's example; the keys are those of the page's glue roles.
    """
    out: dict[str, object] = {"themes_title": results.title}
    for part in (_lexicon_numbers(results, cited), _interlock_numbers(results),
                 _reader_numbers(results, dict(older_scope or {})),
                 _validation_numbers(results), _vocabulary_numbers(results, term)):
        out.update(part)
    return out


def _lexicon_numbers(results: Analyses, cited: Iterable[int]) -> dict[str, object]:
    lex, hits, chapter, cited = results.lexicon, results.theme_hits, results.chapter, list(cited)
    kind = chapter.paragraph_kind
    out: dict[str, object] = {
        "themes_n_themes": len(lex.names), "themes_n_terms": len(lex.terms),
        "themes_n_core": int(lex.terms["core"].sum()), "themes_n_hits": len(hits),
        "themes_n_hits_editorial": int((hits["paragraph_id"].map(kind) == "editorial").sum()),
        "themes_n_terms_fired": int(hits["term"].nunique()), "themes_n_words": len(chapter.words),
        "themes_n_narrative": len(chapter.narrative_ids())}
    lexicon_only = hits[hits["source"] == "lexicon"]
    strict = themes.expansion_terms(chapter, lex, lexicon_only, stopwords=results.stopwords)
    loose = themes.expansion_terms(chapter, lex, lexicon_only, min_count=2, threshold=6.63,
                                   stopwords=results.stopwords)
    out |= {"themes_n_expansion": len(strict), "themes_n_expansion_loose": len(loose)}
    peaks = themes.density_peaks(chapter, results.theme_density).set_index("theme")
    top = themes.top_paragraphs(chapter, results.paragraph_scores, n=2)
    scores = results.paragraph_scores.set_index("paragraph_id")
    for t in lex.names:
        mine = [int(p) for p in top.loc[top["theme"] == t, "paragraph_id"]] + [None, None]
        words = loose.loc[loose["theme"] == t, "term"].tolist()
        out |= {f"themes_n_terms_{t}": int((lex.terms["theme"] == t).sum()),
                f"themes_n_hits_{t}": int((hits["theme"] == t).sum()),
                f"themes_expansion_loose_{t}": ", ".join(words) if words else "none",
                f"themes_peak_{t}": at(peaks, t, "paragraph_id", 0),
                f"themes_top_{t}": mine[0], f"themes_second_{t}": mine[1]}
        out |= {f"themes_score_p{p}_{t}": at(scores, p, t, 2) for p in cited}
    return out


def _interlock_numbers(results: Analyses) -> dict[str, object]:
    ref = standard(results)
    together = None if ref is None else themes.annotated_cooccurrence(ref)
    rho = correlations(results)
    out: dict[str, object] = {"themes_rho_n": len(results.chapter.narrative_ids())}
    for row in rho.itertuples(index=False):
        pair = f"{row.theme_a}_{row.theme_b}"
        out[f"themes_co_{pair}"] = (None if together is None
                                    else int(together.loc[row.theme_a, row.theme_b]))
        out |= {f"themes_rho_{pair}{end}": as_number(getattr(row, "rho" + end), 2)
                for end in ("", "_low", "_high")}
        out[f"themes_rho_{pair}_strength"] = strength(row.rho)
        out[f"themes_rho_{pair}_zero"] = reach(row.rho_low, row.rho_high)
    return out


def _reader_numbers(results: Analyses, older: dict[str, str]) -> dict[str, object]:
    found, names = readings(results), results.lexicon.names
    ref = standard(results)
    two = found is not None and found.n_readers == 2
    agree = reader_agreement(results)
    agree = None if agree is None else agree.set_index("group")
    settled = found.settled(by="theme").set_index("group") if two else None
    every = found.settled().iloc[0] if two else None
    out: dict[str, object] = {
        "themes_n_readers": 0 if found is None else found.n_readers,
        "themes_n_annotated": None if ref is None else int(ref["paragraph_id"].nunique()),
        "themes_n_annotation_rows": None if found is None else len(found.reader_a),
        "themes_n_disagreements": None if every is None else int(every["disagreements"]),
        "themes_adj_with_a": None if every is None else int(every["with_a"]),
        "themes_adj_with_b": None if every is None else int(every["with_b"]),
        "themes_adj_neither": None if every is None else int(every["neither"]),
        "themes_ref_as_a": None if every is None else as_number(every["as_a"], 2),
        "themes_ref_as_b": None if every is None else as_number(every["as_b"], 2)}
    labels = None if ref is None else ref.groupby("theme")["label"]
    for t in names:
        out[f"themes_ann_{t}"] = None if labels is None else int((labels.get_group(t) > 0).sum())
        out[f"themes_dom_{t}"] = None if labels is None else int((labels.get_group(t) == 2).sum())
        out[f"themes_disagreements_{t}"] = at(settled, t, "disagreements", 0)
        out[f"themes_adj_with_a_{t}"] = at(settled, t, "with_a", 0)
        out[f"themes_adj_with_b_{t}"] = at(settled, t, "with_b", 0)
        for measure in ("alpha", "kappa", "exact"):
            out |= {f"themes_readers_{measure}_{t}{end}": at(agree, t, measure + end, 2)
                    for end in ("", "_low", "_high")}
    for t, pattern in older.items():
        n = None if not two else len(themes.scope_disagreements(ref, t, pattern))
        out[f"themes_older_scope_{t}"] = n
        out[f"themes_readers_exact_{t}_without_older"] = (
            None if n is None else as_number(agree.loc[t, "exact"] + n / agree.loc[t, "n"], 2))
    return out


def _validation_numbers(results: Analyses) -> dict[str, object]:
    names, br, cmp_ = results.lexicon.names, by_reader(results), comparison(results)
    br = None if br is None else br.set_index(["annotation", "method", "theme"])
    out: dict[str, object] = {}
    for key, name in (("a", "reader A"), ("b", "reader B"), ("ref", "reference")):
        tail = "" if key == "ref" else f"_{key}"
        for t in names:
            for end in ("", "_low", "_high"):
                out[f"themes_auc_{key}_{t}{end}"] = at(br, (name, "context", t), "auc" + end, 2)
                out[f"themes_auc_baseline{tail}_{t}{end}"] = at(br, (name, "count", t),
                                                                 "auc" + end, 2)
    means = None if cmp_ is None else cmp_.groupby("method", sort=False)[["auc", "spearman"]].mean()
    for method, key in zip(METHODS, ("count", "density", "context", "prereg")):
        out[f"themes_mean_auc_{key}"] = at(means, method, "auc", 3)
        out[f"themes_mean_rho_{key}"] = at(means, method, "spearman", 2)
    by = None if cmp_ is None else cmp_.set_index(["method", "theme"])
    for method in ("count", "density", "context"):
        for t in names:
            for measure in ("auc", "auc_low", "auc_high", "spearman"):
                out[f"themes_{measure}_{method}_{t}"] = at(by, (method, t), measure, 3)
    ref = standard(results)
    silent = None if ref is None else themes.silent_annotation(ref, results.theme_hits)
    on_silent = (None if silent is None
                 else themes.agreement(results.paragraph_scores, silent).set_index("theme"))
    out["themes_n_silent"] = None if silent is None else int((silent["label"] > 0).sum())
    for t in names:
        out[f"themes_silent_auc_{t}"] = at(on_silent, t, "auc", 2)
        out[f"themes_silent_n_{t}"] = at(on_silent, t, "n_present", 0)
    return out


def _vocabulary_numbers(results: Analyses, term: str | None) -> dict[str, object]:
    query = concordance_term(results, term)
    passed, every = collocates(results), collocates(results, None)
    over = key_words(results)
    first = passed.iloc[0] if len(passed) else None
    out: dict[str, object] = {
        "themes_concordance_term": query,
        "themes_n_concordance": (0 if query is None
                                 else len(vocabulary.concordance(results.chapter, query))),
        "themes_n_stopwords": len(results.stopwords), "themes_node_weight": int(NODE_WEIGHT),
        "themes_n_collocates": len(passed), "themes_n_candidates": len(every),
        "themes_top_collocate": None if first is None else first["collocate"],
        "themes_top_collocate_theme": (None if first is None
                                       else results.lexicon.labels[first["theme"]]),
        "themes_top_collocate_n": None if first is None else int(first["observed"]),
        "themes_top_collocate_dice": None if first is None else as_number(first["log_dice"], 1),
        "themes_top_collocate_g2": (None if first is None
                                    else as_number(first["log_likelihood"], 1)),
        "themes_top_collocate_p": None if first is None else p_text(first["p_value"]),
        "themes_n_key": len(over), "themes_n_key_unlisted": int((~over["in_reference"]).sum())}
    for t in results.lexicon.names:
        out[f"themes_n_collocates_{t}"] = int((passed["theme"] == t).sum())
    return out

import pandas as pd

from helpers.corpus import article_names, claims_per_seed_and_theme, seed_manifest


def test_counts_fill_missing_themes_with_zero_and_add_total():
    claims = pd.DataFrame(
        {"source_id": ["seed_001", "seed_000", "seed_000", "seed_001"], "theme": ["oda", "trade", "trade", "oda"]}
    )
    table = claims_per_seed_and_theme(claims)
    assert table.index.tolist() == ["seed_000", "seed_001"]
    assert table.loc["seed_000"].tolist() == [2, 0, 0, 0, 2]
    assert table.loc["seed_001"].tolist() == [0, 0, 2, 0, 2]


def test_manifest_word_counts_are_positive_and_sorted():
    manifest = seed_manifest()
    assert manifest["file"].is_monotonic_increasing
    assert (manifest["words"] > 100).all()


def test_article_names_are_readable_distinct_and_match_the_fact_check():
    names = article_names()
    assert sorted(names) == sorted(seed_manifest()["source_id"])
    assert len(set(names.values())) == len(names)
    assert not any("seed_" in name for name in names.values())
    # The 2018 retrospective prints its outlet and date.
    assert names["seed_002"].startswith("The Khmer Times") and "2018" in names["seed_002"]

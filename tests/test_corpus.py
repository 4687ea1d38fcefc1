import pandas as pd

from helpers.corpus import claims_per_seed_and_theme, seed_manifest


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

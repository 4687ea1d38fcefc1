"""Counts of verdicts quoted anywhere agree with the fact-check, the one source of verdicts.

A quoted count is a number (digits or a word, at most the number of claims) followed within a
few words of the same sentence by a verdict phrase ("39 hold up", "seven agree", "four fail",
"34 cannot be checked"). It must equal the count of that verdict in the whole ledger or in one
of its natural subsets (a theme, an article, the claims one rule judged); a share ("44% cannot be
checked") must equal the rounded share of that verdict. Texts read: the findings stored in every
notebook's outputs, the Markdown of the notebooks that discuss the seed claims (02, 04, 05) and
the README's findings index.
"""

import re

import nbformat
import pytest

from helpers import factcheck as fc
from helpers.findings import collect_findings
from helpers.notebooks import NOTEBOOKS_DIR, notebook_paths
from helpers.paths import REPO_ROOT

NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}
# Verdict phrases and the verdicts each counts ("fail" = conflicts + internally inconsistent).
PHRASES = [
    (r"cannot be checked|can't be checked|could not be checked|unverifiable", ("unverifiable",)),
    (r"do(?:es)? not add up|internally inconsistent", ("internally inconsistent",)),
    (r"conflicts?|disagrees?|contradict(?:s|ed)?", ("conflicts",)),
    (r"fail(?:s|ed)?", ("conflicts", "internally inconsistent")),
    (r"holds? up|agrees?|(?:are|is) consistent|consistent with", ("consistent",)),
]
WINDOW = 8  # words between the number and the verdict phrase
DISCUSSING_CLAIMS = ["02_people_flows.ipynb", "04_diplomacy.ipynb", "05_fact_check.ipynb"]


def _number(token):
    """(value, is_share) of a number token, or None."""
    token = token.strip(",.’'").lower()
    share = token.endswith("%")
    value = token.rstrip("%").replace(",", "")
    if value in NUMBER_WORDS:
        return NUMBER_WORDS[value], share
    if re.fullmatch(r"\d+(?:\.\d+)?", value):
        return float(value), share
    return None


def quoted_counts(text):
    """Yield (number, is_share, verdicts, sentence) for each count of claims quoted in a text.

    The number is the nearest one before the verdict phrase; in "seven of the eight claims
    agree" it is the first of the pair (the second is the total).
    """
    for sentence in re.split(r"(?<=[.!?;:])\s+|\n", text):
        for pattern, verdicts in PHRASES:
            for m in re.finditer(rf"\b(?:{pattern})\b", sentence, re.IGNORECASE):
                tokens = re.findall(r"[\w,.%’'-]+", sentence[: m.start()])[-WINDOW:]
                for i in range(len(tokens) - 1, -1, -1):
                    found = _number(tokens[i])
                    if found is None:
                        continue
                    if i >= 1 and tokens[i - 1].lower() in {"section", "sections", "chapter", "figure", "table"}:
                        continue  # "shown in section 5, where sources disagree": a place, not a count
                    if i >= 2 and tokens[i - 1].lower() in {"the", "of"}:
                        j = i - 2 if tokens[i - 1].lower() == "of" else i - 3
                        earlier = _number(tokens[j]) if j >= 0 and tokens[j + 1].lower() == "of" else None
                        found = earlier or found
                    between = {t.strip(",.").lower() for t in tokens[i + 1 :]}
                    if found[1] and not between <= {"of", "the", "claims", "them", "figures", "all"}:
                        break  # "20% apart and both hold up": a gap, not a share of claims
                    yield found[0], found[1], verdicts, sentence.strip()
                    break


@pytest.fixture(scope="module")
def allowed():
    """Every count (and rounded share) of each verdict group over the ledger and its subsets."""
    result = fc.run_fact_check()
    total = len(result)
    subsets = [result] + [g for key in ("theme", "source_id", "check") for _, g in result.groupby(key)]
    counts, shares = {}, {}
    for _, verdicts in PHRASES:
        counts[verdicts] = {int(g["verdict"].isin(verdicts).sum()) for g in subsets}
        n = int(result["verdict"].isin(verdicts).sum())
        shares[verdicts] = {round(100 * n / total), round(100 * n / total, 1)}
    return total, counts, shares


def texts():
    found = [(f"finding {f.key}", f.text) for f in collect_findings(notebook_paths())]
    for name in DISCUSSING_CLAIMS:
        nb = nbformat.read(NOTEBOOKS_DIR / name, as_version=4)
        found += [(f"{name} markdown", c.source) for c in nb.cells if c.cell_type == "markdown"]
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    found.append(("README.md", readme))
    return found


def test_the_reader_finds_quoted_counts_and_skips_other_numbers():
    text = (
        "Of the 77 claims, 39 hold up and 34 cannot be checked. Seven of the eight agree. 3,518 residents "
        "agree. They are 20% apart and both hold up; 44% of the claims cannot be checked. Section 5 lists where "
        "sources disagree."
    )
    got = [(n, s, v) for n, s, v, _ in quoted_counts(text)]
    assert got == [
        (34, False, ("unverifiable",)),
        (39, False, ("consistent",)),
        (7, False, ("consistent",)),
        (3518, False, ("consistent",)),
        (44, True, ("unverifiable",)),
    ]


def test_verdict_counts_quoted_anywhere_agree_with_the_fact_check(allowed):
    total, counts, shares = allowed
    wrong = []
    for where, text in texts():
        for number, share, verdicts, sentence in quoted_counts(text):
            if share:
                if number not in shares[verdicts]:
                    wrong.append(f"{where}: {number}% {'/'.join(verdicts)} in “{sentence[:160]}”")
            elif float(number).is_integer() and number <= total and int(number) not in counts[verdicts]:
                wrong.append(f"{where}: {number:g} {'/'.join(verdicts)} in “{sentence[:160]}”")
    assert not wrong, "counts that disagree with factcheck.claim_verdicts():\n" + "\n".join(wrong)


def test_the_fact_check_notebook_states_its_own_counts(allowed):
    """The overview of notebook 05 quotes every verdict count; a stale number would fail above."""
    nb = nbformat.read(NOTEBOOKS_DIR / "05_fact_check.ipynb", as_version=4)
    overview = next(c.source for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("## Overview"))
    quoted = {v for _, _, v, _ in quoted_counts(overview)}
    assert {("consistent",), ("unverifiable",)} <= quoted

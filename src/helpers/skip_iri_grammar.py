"""Keep jsonschema from compiling an IRI grammar that nothing here uses; importing this module does it.

nbformat imports jsonschema (so nbclient, nbconvert and nbval do too), and jsonschema imports the
optional package ``rfc3987-syntax`` wherever it is installed, as jupyterlab's dependencies install it
here. That package compiles an Earley grammar as it is imported: about 1 s of CPU in every process
that reads or writes a notebook. Measured on this project's 2-core machine, alternating runs, user
plus system CPU: collecting one test file with pytest, 2.8 s → 1.3 s; ``python -m helpers execute``
over the collection, 12.8 s → 10.5 s, since each notebook worker imports nbformat.

The grammar serves only jsonschema's ``iri`` and ``iri-reference`` format checks. Neither nbformat
nor frictionless checks formats at all, so no validation here changes. The package is marked
absent, and jsonschema goes without those two checks as it does on a machine without the package.

The project's own commands import this module first: ``python -m helpers`` (and with it the
notebook workers, the site build and the findings refresh) and the test run, through
``-p helpers.skip_iri_grammar`` in pytest's ``addopts``, which loads it before nbval imports
nbformat. ``import helpers`` does not: a reader's own session keeps every check jsonschema offers.
"""

from __future__ import annotations

import sys

if "jsonschema" not in sys.modules:  # already imported with the grammar: nothing left to save
    sys.modules.setdefault("rfc3987_syntax", None)

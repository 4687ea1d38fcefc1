"""Test-session set-up: what nbval collects, and a data check that runs before any test.

A bad cell in data/ would otherwise fail dozens of tests and notebooks at once and bury its
cause; instead the session stops before collecting, on one line that names file, row and field.
"""

import pytest

# The template has no outputs by design and the rendered site holds executed copies:
# neither belongs in nbval's collection. Every other notebook under notebooks/ is collected.
collect_ignore_glob = ["notebooks/_template.ipynb", "site/*", ".cache/*", "**/.ipynb_checkpoints/*"]


def pytest_sessionstart(session: pytest.Session) -> None:
    """Validate every dataset once, in the main process, and stop the session on the first error."""
    if hasattr(session.config, "workerinput"):  # an xdist worker: the main process checked already
        return
    from helpers.datasets import DataValidationError, list_datasets, load

    name = "datapackage.json"
    try:
        for name in list_datasets():
            load(name)
    except DataValidationError as error:
        lines = str(error).splitlines()
        details = [line.strip() for line in lines[1:]]
        more = f" (+{len(details) - 1} more: helpers.load({name!r}) lists them)" if len(details) > 1 else ""
        pytest.exit(
            f"Invalid data, no test was run. Fix first: {details[0] if details else lines[0]}{more}",
            returncode=pytest.ExitCode.USAGE_ERROR,
        )

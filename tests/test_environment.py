"""environment.yml (conda users) and pyproject.toml (pip users) must pin the same packages."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _pins(lines):
    pins = {}
    for line in lines:
        name, sep, version = line.partition("==")
        assert sep, f"not pinned exactly: {line!r}"
        pins[re.sub(r"[-_.]+", "-", name.strip().lower())] = version.strip()
    return pins


def pyproject_pins():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = [dep for group in project["optional-dependencies"].values() for dep in group]
    return _pins(project["dependencies"] + extras)


def environment_pins():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_block = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    return _pins(pip_block)


def test_environment_yml_and_pyproject_pin_the_same_versions():
    from_pyproject, from_env = pyproject_pins(), environment_pins()
    assert from_pyproject == from_env, {
        "only in pyproject.toml": sorted(set(from_pyproject) - set(from_env)),
        "only in environment.yml": sorted(set(from_env) - set(from_pyproject)),
        "different versions": {
            k: (from_pyproject[k], from_env[k])
            for k in set(from_pyproject) & set(from_env)
            if from_pyproject[k] != from_env[k]
        },
    }


def test_environment_python_matches_requires_python():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert "python=3.11" in env["dependencies"]
    assert ">=3.11,<3.12" in (ROOT / "pyproject.toml").read_text()


def test_lock_file_agrees_with_direct_pins():
    lock = {}
    for line in (ROOT / "requirements-lock.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            lock.update(_pins([line]))
    for name, version in pyproject_pins().items():
        assert lock.get(name) == version, f"{name}: pyproject {version}, lock {lock.get(name)}"

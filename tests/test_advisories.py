"""Dependencies pinned to releases without known advisories (../shared/hazards.md).

A small table of published advisories for the packages the site and the tests pin: the
suite fails when an installed version, or a version pinned in requirements/*-lock.txt or
*.in, falls inside a vulnerable range. Add a row when an advisory is published for a
pinned package; raise the pin (requirements/*.in, then `make lock`) to fix a failure.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.conftest import REPO


@dataclass(frozen=True)
class Advisory:
    package: str
    vulnerable: tuple[str, ...]  # specifier sets, any of which is vulnerable
    ids: str
    what: str
    example: str  # a version inside the range (so the table itself is tested)

    def affects(self, version: str) -> bool:
        parsed = Version(version)
        return any(parsed in SpecifierSet(spec, prereleases=True) for spec in self.vulnerable)


ADVISORIES = [
    Advisory("mkdocs-material", ("<9.7.7",), "shared/hazards.md",
             "XSS through search.suggest (the site uses Material's search dialog)", "9.7.6"),
    Advisory("pymdown-extensions", ("<10.0",), "CVE-2023-32309",
             "pymdownx.snippets reads arbitrary files (path traversal)", "9.11"),
    Advisory("jinja2", ("<3.1.6",), "CVE-2025-27516, CVE-2024-56326, CVE-2024-56201, CVE-2024-34064, "
             "CVE-2024-22195", "sandbox escapes and attribute injection in xmlattr", "3.1.5"),
    Advisory("pyyaml", ("<5.4",), "CVE-2020-14343, CVE-2020-1747",
             "arbitrary code execution through full_load / FullLoader", "5.3.1"),
    Advisory("mkdocs", ("<1.2.3",), "CVE-2021-40978", "directory traversal in the development server",
             "1.2.2"),
    Advisory("markdown-it-py", ("<2.2.0",), "CVE-2023-26302, CVE-2023-26303",
             "crashes (denial of service) on crafted input", "2.1.0"),
    Advisory("pydantic", ("<1.10.13", ">=2.0.0a1,<2.4.0"), "CVE-2024-3772",
             "regular-expression denial of service in email validation", "2.3.0"),
    Advisory("pygments", ("<2.15.0",), "CVE-2022-40896", "regular-expression denial of service", "2.14.0"),
    Advisory("requests", ("<2.32.4",), "CVE-2024-47081, CVE-2024-35195",
             "credential leak through .netrc; TLS verification kept off", "2.32.3"),
    Advisory("urllib3", ("<2.5.0",), "CVE-2025-50181, CVE-2025-50182", "redirects not disabled as asked",
             "2.4.0"),
    Advisory("idna", ("<3.7",), "CVE-2024-3651", "denial of service on crafted input", "3.6"),
    Advisory("certifi", ("<2024.7.4",), "CVE-2024-39689", "trusts GLOBALTRUST root certificates", "2024.6.2"),
    Advisory("babel", ("<2.9.1",), "CVE-2021-42771", "arbitrary code execution through locale names",
             "2.9.0"),
]


def _installed(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


@pytest.mark.parametrize("advisory", ADVISORIES, ids=lambda a: a.package)
def test_no_installed_package_has_a_known_advisory(advisory: Advisory) -> None:
    version = _installed(advisory.package)
    if version is None:
        pytest.skip(f"{advisory.package} is not installed")
    assert not advisory.affects(version), (
        f"{advisory.package} {version} is affected by {advisory.ids} ({advisory.what}): "
        f"raise its pin in requirements/*.in and run `make lock`")


def _pins() -> list[tuple[str, str, str]]:
    """(file, package, version) for every `name==version` line of the requirement files."""
    pins = []
    for path in sorted((REPO / "requirements").glob("*.*")):
        for line in path.read_text(encoding="utf-8").splitlines():
            match = re.match(r"^\s*([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?\s*==\s*([^\s;#]+)", line)
            if match:
                pins.append((path.name, canonicalize_name(match.group(1)), match.group(2)))
    return pins


def test_no_requirement_file_pins_a_version_with_a_known_advisory() -> None:
    pins = _pins()
    assert pins, "requirements/*-lock.txt and *.in pin nothing?"
    by_name = {canonicalize_name(a.package): a for a in ADVISORIES}
    bad = [f"{file}: {name}=={version} ({by_name[name].ids})" for file, name, version in pins
           if name in by_name and by_name[name].affects(version)]
    assert bad == []


def test_every_package_with_an_advisory_is_pinned() -> None:
    pinned = {name for _, name, _ in _pins()}
    site = {canonicalize_name(a.package) for a in ADVISORIES[:4]}  # the ones hazards.md names
    assert site <= pinned


@pytest.mark.parametrize("advisory", ADVISORIES, ids=lambda a: a.package)
def test_the_table_flags_a_vulnerable_version_and_passes_a_fixed_one(advisory: Advisory) -> None:
    assert advisory.affects(advisory.example)
    fixed = max(Version(s.version) for spec in advisory.vulnerable for s in SpecifierSet(spec)
                if s.operator == "<")
    assert not advisory.affects(str(fixed))


def test_installed_versions_satisfy_the_ranges_in_pyproject() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for line in project["dependencies"]:
        requirement = Requirement(line)
        version = _installed(requirement.name)
        assert version is not None, f"{requirement.name} is not installed"
        assert requirement.specifier.contains(version, prereleases=True), (requirement.name, version, line)


def test_the_floors_in_pyproject_exclude_the_advisories_hazards_md_names() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    floors = {canonicalize_name(Requirement(line).name): Requirement(line).specifier
              for line in project["dependencies"]}
    for advisory in ADVISORIES[:4]:
        allowed = floors[canonicalize_name(advisory.package)]
        assert not allowed.contains(advisory.example), (advisory.package, str(allowed))


def test_markdown_extensions_that_read_files_or_pass_html_are_off() -> None:
    config = yaml.safe_load(Path(REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    names = {e if isinstance(e, str) else next(iter(e)) for e in config.get("markdown_extensions", [])}
    assert not names & {"pymdownx.snippets", "pymdownx.b64", "markdown.extensions.extra", "extra",
                        "pymdownx.pathconverter", "markdown_include.include"}
    assert "pymdownx.escapeall" in names  # the escaping in generator/inline.py relies on it

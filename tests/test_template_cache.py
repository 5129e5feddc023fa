"""The template cache: compiled page and theme templates kept between builds.

A build with a warm cache publishes exactly the pages a build without one does; an edited
template shows on the next build; a compiling environment that differs is never handed
another's code; and a cache that cannot be used never fails a build.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import jinja2
import pytest

from generator.template_cache import CACHE_DIR, CACHE_VARIABLE, use_template_cache
from tests.conftest import MakeProject, run_briefing


def _pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}


def _build(root: Path, site: Path) -> None:
    result = run_briefing("build", "--site", str(site), cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_cached_build_publishes_the_same_pages(make_project: MakeProject,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_project()
    monkeypatch.setenv(CACHE_VARIABLE, "off")
    _build(root, root / "uncached")
    assert not (root / ".cache").exists()
    monkeypatch.delenv(CACHE_VARIABLE)
    _build(root, root / "cold")
    cached = sorted((root / CACHE_DIR).iterdir())
    # The page templates' and the theme's (Material's base.html and its partials).
    assert len(cached) > len(list((root / "templates").glob("*.j2"))) + 10
    _build(root, root / "warm")
    assert sorted((root / CACHE_DIR).iterdir()) == cached  # read, not compiled again
    uncached = _pages(root / "uncached")
    assert "topics/shipment/index.html" in uncached
    assert _pages(root / "cold") == uncached
    assert _pages(root / "warm") == uncached


def test_an_edited_template_shows_on_the_next_build(make_project: MakeProject) -> None:
    root = make_project()
    _build(root, root / "site")
    template = root / "templates" / "topic.md.j2"
    template.write_text(template.read_text(encoding="utf-8").replace(
        "facts from", "facts, edited, from"), encoding="utf-8")
    _build(root, root / "site")
    assert b"facts, edited, from" in (root / "site" / "topics" / "shipment" / "index.html").read_bytes()


def test_environments_that_compile_differently_never_share_code(tmp_path: Path) -> None:
    # trim_blocks changes the compiled code, and Jinja runs ``finalize`` on constants while
    # compiling: a cache keyed by the template alone would hand the second one the first's.
    (tmp_path / "page.j2").write_text("{{ 'a' }}  \n{% if true %}\nb\n{% endif %}\n", encoding="utf-8")

    def render(trim: bool, cached: bool) -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), trim_blocks=trim,
                                 finalize=str.upper if trim else None)
        if cached:
            use_template_cache(env, tmp_path)
        return env.get_template("page.j2").render()

    plain, trimmed = render(False, cached=False), render(True, cached=False)
    assert plain != trimmed
    assert [render(False, True), render(True, True), render(False, True)] == [plain, trimmed, plain]
    assert len(list((tmp_path / CACHE_DIR).iterdir())) == 2


def test_a_cache_folder_that_cannot_be_made_is_no_cache(make_project: MakeProject) -> None:
    root = make_project()
    (root / ".cache").write_text("a file where the cache's folder would go", encoding="utf-8")
    _build(root, root / "site")
    assert (root / "site" / "index.html").is_file()


def test_a_cache_that_cannot_be_written_is_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "page.j2").write_text("{{ 1 + 1 }}", encoding="utf-8")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)))
    use_template_cache(env, tmp_path)

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", full_disk)
    assert env.get_template("page.j2").render() == "2"
    assert not any((tmp_path / CACHE_DIR).iterdir())


def test_the_cache_can_be_moved(make_project: MakeProject, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_project()
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path / "elsewhere"))
    _build(root, root / "site")
    assert not (root / ".cache").exists()
    assert any((tmp_path / "elsewhere").iterdir())

"""The MkDocs adapter's plugin and its options, hook by hook, without building a site.

MkDocs reads a small project's mkdocs.yml (``load_config``: the options validate themselves,
see ``generator/mkdocs_adapter/config.py``), and the tests call the plugin's hooks as MkDocs
would, with MkDocs' own ``Files`` and a stand-in for its live-reload server.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import get_files

from generator.mkdocs_adapter.plugin import SEARCH_WORKER, SEARCH_WORKER_SOURCE, BriefingPlugin
from generator.pagefind_service import SHARD_WORDS
from tests.conftest import MakeProject
from tests.conftest import search_records as stored_records

SHIPMENT = "briefings/topics/shipment.yml"
#: The ``start`` fixture: starts the configured plugin as for a command.
Start = Callable[..., BriefingPlugin]


def break_the_briefing(root: Path) -> str:
    """Give the shipment's first fact a status that does not exist; where the check locates it."""
    topic = root / SHIPMENT
    text = topic.read_text(encoding="utf-8")
    assert text.splitlines()[7] == "    status: reported"
    topic.write_text(text.replace("    status: reported\n", "    status: dubious\n", 1), encoding="utf-8")
    return "briefings/topics/shipment.yml:8:13: error: 'dubious' is not allowed here"


def configure(root: Path, options: str = "", **overrides: object) -> MkDocsConfig:
    """The project's mkdocs.yml, read and validated by MkDocs, with ``options`` for the plugin."""
    config_file = root / "mkdocs.yml"
    if options:
        text = config_file.read_text(encoding="utf-8")
        config_file.write_text(text.replace("  - briefing\n", f"  - briefing:\n{options}"), encoding="utf-8")
    return load_config(str(config_file), site_dir=str(root / "site"), **overrides)


@pytest.fixture
def start() -> Iterator[Start]:
    """``start(config, command)``: the configured plugin, started as for ``command`` (and shut
    down after the test: MkDocs keeps plugin instances from one command to the next). Its hooks
    are run through MkDocs' own dispatch (``config.plugins.on_config(config)`` and so on)."""
    started: list[MkDocsConfig] = []

    def start_plugin(config: MkDocsConfig, command: str = "build") -> BriefingPlugin:
        plugin = config.plugins["briefing"]
        assert isinstance(plugin, BriefingPlugin)
        config.plugins.on_startup(command=command, dirty=False)
        started.append(config)
        return plugin

    yield start_plugin
    for config in started:
        config.plugins.on_shutdown()


# -- the options ----------------------------------------------------------------------------

def test_the_options_default_to_the_folder_of_mkdocs_yml_and_the_shard_size(make_project: MakeProject,
                                                                            start: Start) -> None:
    root = make_project()
    plugin = start(configure(root))
    assert plugin.config.root == str(root.resolve())
    assert plugin.config.search_shard_words == SHARD_WORDS


def test_a_root_is_relative_to_mkdocs_yml(make_project: MakeProject, start: Start) -> None:
    root = make_project()
    (root / "site-config").mkdir()
    plugin = start(configure(root, "      root: site-config\n"))
    assert plugin.config.root == str((root / "site-config").resolve())


@pytest.mark.parametrize(("options", "said"), [
    ("      search_shard_words: 0\n", "Expected a positive number, not 0."),
    ("      search_shard_words: -5\n", "Expected a positive number, not -5."),
    ("      search_shard_words: many\n", "Expected type: <class 'int'> but received: <class 'str'>"),
    ("      root: no-such-folder\n", "no-such-folder' isn't an existing directory."),
    ("      shards: 3\n", None),
])
def test_a_wrong_option_is_one_line_naming_it(make_project: MakeProject, caplog: pytest.LogCaptureFixture,
                                              options: str, said: str | None) -> None:
    root = make_project()
    key = options.split(":")[0].strip()
    with pytest.raises(Abort):
        configure(root, options, strict=True)  # strict: an unknown option, a warning, stops it too
    [line] = [record.getMessage() for record in caplog.records if "'plugins'" in record.getMessage()]
    if said is None:
        said = f"Unrecognised configuration name: {key}"
    assert line.startswith(f"Config value 'plugins': Plugin 'briefing' option '{key}': ") and said in line


# -- the hooks --------------------------------------------------------------------------------

def test_on_config_gives_mkdocs_the_sites_name_address_and_navigation(make_project: MakeProject, start: Start) -> None:
    root = make_project({"site_config.yml": 'title: "Goats & <b>co</b>"\ndescription: "A & B"\n'
                                            'base_url: "https://example.org/brief"\n'})
    config = configure(root)
    plugin = start(config)
    config.plugins.on_config(config)
    assert config.site_name == "Goats &amp; &lt;b&gt;co&lt;/b&gt;"  # the theme writes it unescaped
    assert config.site_description == "A &amp; B"
    assert config.site_url == "https://example.org/brief/"
    assert config.nav == plugin.run.site.nav and config.nav


def test_a_briefing_with_errors_stops_the_build_with_every_located_problem(make_project: MakeProject,
                                                                           start: Start) -> None:
    root = make_project()
    problem = break_the_briefing(root)
    config = configure(root)
    start(config)
    with pytest.raises(PluginError) as raised:
        config.plugins.on_config(config)
    assert str(raised.value).startswith("the briefing has errors:\n")
    assert problem in str(raised.value)


def test_while_serving_a_briefing_with_errors_is_served_as_the_problems(make_project: MakeProject,
                                                                        start: Start) -> None:
    root = make_project()
    config = configure(root)
    plugin = start(config, "serve")
    config.plugins.on_config(config)
    good = plugin.run.site
    break_the_briefing(root)
    config.plugins.on_config(config)
    assert plugin.run.site is not good and plugin.run.last_good is good
    assert plugin.run.site.files.keys() == good.files.keys() and config.nav == good.nav
    page = plugin.run.site.files["topics/shipment.md"].decode()
    assert page.startswith("# The briefing has errors\n") and "shipment.yml:8:13: 'dubious'" in page.replace("\\", "")


def test_on_files_adds_every_generated_file_and_the_worker_and_leaves_out_lunr(make_project: MakeProject,
                                                                               start: Start) -> None:
    root = make_project()
    config = configure(root, use_directory_urls=False)
    plugin = start(config)
    config.plugins.on_config(config)
    files = get_files(config)
    files.add_files_from_theme(config.theme.get_env(), config)  # as MkDocs' build does
    files = config.plugins.on_files(files, config=config)
    uris = {file.src_uri for file in files}
    assert set(plugin.run.site.files) | {SEARCH_WORKER} <= uris
    assert files.get_file_from_path(SEARCH_WORKER).content_bytes == SEARCH_WORKER_SOURCE.read_bytes()
    assert not [uri for uri in uris if "lunr" in uri or uri.startswith("assets/javascripts/workers/")]
    assert any(uri.startswith("assets/javascripts/bundle.") for uri in uris)  # the rest of the theme stays
    assert plugin.run.page_urls["topics/shipment.md"] == "topics/shipment.html"


def through_on_files(root: Path, start: Start, command: str = "build") -> MkDocsConfig:
    """The project's configuration once ``command`` has run the plugin's hooks up to ``on_files``."""
    config = configure(root)
    start(config, command)
    config.plugins.on_config(config)
    config.plugins.on_files(get_files(config), config=config)
    return config


def test_on_post_build_writes_the_search_bundle_and_materials_empty_index(make_project: MakeProject,
                                                                          start: Start) -> None:
    config = through_on_files(make_project(), start)
    config.plugins.on_post_build(config=config)
    site = Path(config.site_dir)
    urls = {record["url"] for record in stored_records(site)}
    assert {"topics/shipment/", "topics/shipment/#goat-count", "sources/alpha-report/"} <= urls
    assert json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"] == []


def test_an_indexer_that_fails_is_a_plugin_error(make_project: MakeProject, monkeypatch: pytest.MonkeyPatch,
                                                 start: Start) -> None:
    config = through_on_files(make_project(), start)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")
    with pytest.raises(PluginError, match=r"the search index could not be written: /bin/false: error: Pagefind "
                                          r"stopped \(exit code 1\)(.|\n)*\n    hint: build again"):
        config.plugins.on_post_build(config=config)


class Server:
    """What the plugin uses of MkDocs' live-reload server."""

    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str) -> None:
        self.watched.append(path)


def test_on_serve_watches_the_briefing_the_templates_and_the_settings(make_project: MakeProject, start: Start) -> None:
    root = make_project()
    config = configure(root)
    server = Server()
    start(config, "serve")
    assert config.plugins.on_serve(server, config=config, builder=None) is server
    assert server.watched == [str((root / name).resolve()) for name in ("briefings", "templates")] + [
        str(root.resolve() / "site_config.yml")]


def converted(plugin: BriefingPlugin, config: MkDocsConfig, uri: str) -> SimpleNamespace:
    """What MkDocs' page for ``uri`` holds after the plugin's page hooks ran on it."""
    page = SimpleNamespace(file=SimpleNamespace(src_uri=uri, content_bytes=b"# A"), markdown="# A",
                           content="<h1>A</h1>", title="A", meta={}, toc=SimpleNamespace(items=[]))
    assert config.plugins.on_page_content("<h1>A</h1>", page=page, config=config, files=None) == "<h1>A</h1>"
    assert config.plugins.on_post_page("<html>", page=page, config=config) == "<html>"
    return page


@pytest.mark.parametrize("command", ["build", "serve"])
def test_a_build_lets_go_of_each_generated_page_once_converted(make_project: MakeProject, command: str,
                                                               start: Start) -> None:
    config = through_on_files(make_project({"docs/about.md": "# About\n"}), start, command)
    plugin = config.plugins["briefing"]
    assert isinstance(plugin, BriefingPlugin)
    generated, written = converted(plugin, config, "topics/shipment.md"), converted(plugin, config, "about.md")
    assert (written.markdown, written.file.content_bytes, written.content) == ("# A", b"# A", "<h1>A</h1>")
    if command == "build":  # the build holds each generated page once, as MkDocs' output
        assert plugin.run.site.files == {}
        assert (generated.markdown, generated.file.content_bytes, generated.content) == ("", b"", None)
    else:  # the preview keeps everything for its rebuilds and its error pages
        assert "topics/shipment.md" in plugin.run.site.files
        assert (generated.markdown, generated.content) == ("# A", "<h1>A</h1>")


def test_a_build_counts_the_briefing_s_warnings_in_words(make_project: MakeProject, start: Start,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    root = make_project({"briefings/sources/beta-report.yml": (
        'title: "[Report on the shipment]"\npublished: 2024\n'
        'published_note: "not printed; inferred from the events it reports"\nurl: "https://example.org/beta"\n')})
    config = configure(root)
    start(config)
    caplog.set_level("INFO", logger="mkdocs.plugins.briefing")
    config.plugins.on_config(config)
    assert "briefing: 1 warning; `briefing check` lists them" in caplog.messages

"""The briefing generator: YAML fact files -> checked briefing -> Markdown pages -> MkDocs site.

Pipeline, one way: ``settings`` and ``load`` (YAML with positions) -> ``model`` (typed
records) -> ``check`` (every problem, located) -> ``pages`` (page specs) -> ``render``
(Jinja -> Markdown) -> ``tree`` (a Markdown folder) or ``plugin`` (MkDocs in memory).
"""

__version__ = "0.1.0"

"""The MkDocs adapter: the only place that imports MkDocs or Material.

``plugin`` hands the generated briefing to MkDocs (its options in ``config``), ``build``
builds the whole site atomically, ``serve`` runs the live preview and ``preview`` makes
the pages it shows while the briefing has errors; ``search-worker.js`` answers Material's
search dialog from the Pagefind bundle. Everything below it (``generate`` and the core)
knows nothing of MkDocs.
"""

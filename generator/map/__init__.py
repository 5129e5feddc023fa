"""The maps, drawn at build time as inline SVG (no tile server, no script, nothing fetched): the
map page's map of every located place, with an inset where places crowd, and each place's
small locator map.

One module per job: ``outlines`` reads Natural Earth's country outlines (committed in
``data/``, made once by ``prepare``), ``projection`` puts degrees on pixels, ``simplify``
drops the points a map cannot show, ``inset`` decides which places crowd, ``labels`` places
names clear of each other, ``places`` gathers the briefing's located places and the countries
it names, and ``draw`` builds the SVG.
"""

"""``places.geojson``: every located place as a GeoJSON Feature (RFC 7946), for the mapping
tools journalists use (QGIS, geojson.io, Datawrapper).

One Feature per place with a ``location``: a Point at ``[lon, lat]`` (WGS 84, as RFC 7946
requires), with the place's id, name and description, its page, where its coordinates were
read, and the ids and permalinks of the current facts that name it. Features come in the
places' name order; the file is the same bytes for the same briefing.
"""

from __future__ import annotations

from typing import Any

from generator.briefing import Briefing
from generator.map.places import current_facts, located
from generator.settings import Settings
from generator.urls import Urls, entity_uri, topic_uri

PLACES_GEOJSON = "places.geojson"


def places_collection(briefing: Briefing, settings: Settings, urls: Urls) -> dict[str, Any]:
    """The FeatureCollection of the briefing's located places."""
    features = []
    for entity_id, entity in located(briefing):
        location = entity.location
        assert location is not None
        facts = current_facts(briefing, entity_id)
        source = briefing.sources.get(location.source)
        features.append({
            "type": "Feature",
            "id": entity_id,
            "geometry": {"type": "Point", "coordinates": [location.lon, location.lat]},
            "properties": {
                "id": entity_id, "name": entity.name, "description": entity.description,
                "url": urls.page(entity_uri(entity_id)) if settings.features.entities else None,
                "location_source": location.source,
                "location_source_url": source.url if source else None,
                "fact_count": len(facts),
                "fact_ids": [placed.id for placed in facts],
                "fact_urls": [urls.page(topic_uri(placed.topic_id), placed.id) for placed in facts],
            },
        })
    return {"type": "FeatureCollection", "features": features}

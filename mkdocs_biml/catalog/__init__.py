"""The catalogue: its model, YAML read with locations, schema checks, overlays,
the tag grammar and index, catalogue texts. No Markdown, no MkDocs."""

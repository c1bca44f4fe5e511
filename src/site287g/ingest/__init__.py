"""ICE 287(g) agency-list importer: read, normalise, identify, diff and write agreements."""

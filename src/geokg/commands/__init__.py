"""The click commands of `geokg`, one module per area; `geokg.cli` gathers them."""

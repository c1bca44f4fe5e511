"""Agency pages: tables, state and model pages, charts, downloads and search entries."""

"""Publishing: build (datapackage.json, dist/, Parquet, the .duckdb file), release, diff, verify,
versions, citations, and the untrusted release archives."""

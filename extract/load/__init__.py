"""Load newsfacts JSONL into a relational database (SQLite by default, or PostgreSQL).

    from extract.load import load_paths
    summary = load_paths(["out/facts.jsonl"], "sqlite:///out/facts.db")

See ``loader`` for the replacement rules and ``tables`` for the schema.
"""
from .loader import DEFAULT_DB, LoadSummary, load_paths, make_engine, normalize_url

__all__ = ["DEFAULT_DB", "LoadSummary", "load_paths", "make_engine", "normalize_url"]

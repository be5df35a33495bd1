"""The engines Samenspel's search is compared with, all built from the same documents.

Each baseline has ``bouw(documenten)`` (build its tables or index from the product's own
search documents, so every engine sees the same text, filters and places) and
``zoek(vraag) -> list[str]`` (the ids of the top 20: by relevance, then distance, then id).
"""

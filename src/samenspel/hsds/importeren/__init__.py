"""Imports into the directory: HSDS data packages and JSON, spreadsheets, CBS areas.

Every import runs in one transaction (an error anywhere writes nothing), upserts by id (a
second run changes nothing) and names the file, row and field of each problem it finds.
"""

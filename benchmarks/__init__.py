"""Benchmarks of mkdocs-biml: synthetic sites, timed builds, micro-measures.

Nothing here is a test: no timing is ever asserted. See ``benchmarks/README.md``.
"""

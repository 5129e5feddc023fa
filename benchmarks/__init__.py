"""Benchmarks: a seeded synthetic briefing corpus (``corpus``) and the one command that
measures parsing, checking, generating and building it at several sizes (``run``).

Nothing here is imported by the generator or the test suite's fast path; the tests only
check that the corpus is deterministic and valid at a tiny size.
"""

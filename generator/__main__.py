"""``python -m generator``: the same command line as ``briefing``."""

from generator.cli import main

main()

"""Beside the pipeline: the briefing's git history, one module a job.

``git`` reads the repository with git's plumbing; ``at_revision`` gives the briefing as it
stood at one revision; ``compare`` says what changed between two of them, in content terms;
``published`` holds ``check --base`` to what was published; ``record_dates`` walks the
history for every record's dates and changes (with its cache); ``changelog`` tells those
changes as readers read them (the page of changes, the feed, the pages' dates).
"""

"""``python -m mkdocs_biml``: the same as the ``mkdocs-biml`` command."""

from .cli import main

raise SystemExit(main())

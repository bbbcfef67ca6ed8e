from __future__ import annotations

from authlint.cli import main

raise SystemExit(main())

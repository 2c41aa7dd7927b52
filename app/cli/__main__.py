"""`python -m app.cli`: the same as the `kanimdesk` command."""

import sys

from app.cli.entry import main

sys.exit(main())

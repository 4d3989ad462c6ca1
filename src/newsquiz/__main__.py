"""Allow ``python -m newsquiz``."""

import sys

from newsquiz.cli import main

sys.exit(main())

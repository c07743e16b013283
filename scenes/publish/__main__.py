"""``python -m scenes.publish``: see :mod:`scenes.publish.cli`."""

import sys

from scenes.publish.cli import main

sys.exit(main())

"""``python -m scenes.classroom ROSTER``: see :mod:`scenes.classroom.run`."""

import sys

from scenes.classroom.run import main

sys.exit(main())

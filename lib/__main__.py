"""Entry point for ``python -m lib``."""

import os
import sys

from lib.cli import main

try:
    code = main()
    sys.stdout.flush()
except BrokenPipeError:  # e.g. `python -m lib mentions | head`
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    code = 0
sys.exit(code)

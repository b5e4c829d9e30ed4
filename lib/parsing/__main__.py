"""``python -m lib.parsing READ_FD WRITE_FD LOADER IDLE_S``: a parse worker process (see
:mod:`lib.parsing.process`)."""

from lib.parsing.process import main

main()

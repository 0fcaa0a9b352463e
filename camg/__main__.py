"""Allow `python -m camg`: with the interpreter's usual exit, so that a profiler or a
coverage tool run as `python -m cProfile -m camg ...` gets to write its results."""

import sys

from camg.cli import main

main(sys.argv[1:])

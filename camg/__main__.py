"""Allow `python -m camg`."""

from camg.cli import main

main()

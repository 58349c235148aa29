"""`python -m cleantext.cli`."""

from cleantext.cli import main

main()

"""`python -m twinbench run <id> --<param> <value> ...`: see `twinbench.cli`."""

import sys

from twinbench.cli import main

sys.exit(main(sys.argv[1:]))

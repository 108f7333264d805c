"""Command-line entry point: `python cli.py extract data/raw` (see `python cli.py --help`)."""
import sys

from pipeline.cli import main

if __name__ == "__main__":
    sys.exit(main())

"""Command-line entry point: `python cli.py extract data/raw` (see `python cli.py --help`)."""
import sys

if __name__ == "__main__":
    try:
        from pipeline.cli import main
    except KeyboardInterrupt:  # Ctrl-C while the libraries load: the same one line as during the run
        print("interrupted", file=sys.stderr)
        sys.exit(130)
    sys.exit(main())

"""Entry point. `--version` is answered before anything heavy is imported."""

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        print(f"goedgenoeg {__version__}")
        return
    from .cli import app

    app(prog_name="goedgenoeg")


if __name__ == "__main__":
    main()

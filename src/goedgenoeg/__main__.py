"""Entry point: every command line goes to typer (cli.py), which ends a Ctrl-C with exit code 130."""

import sys


def _utf8_when_redirected() -> None:
    """A record or list sent to a file or a pipe is UTF-8, whatever the console's code page
    (a cp1252 console on Windows crashed on the first letter outside it and left an empty file).
    A terminal keeps its own encoding, with unknown characters replaced rather than crashing."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding == "utf8" or not hasattr(stream, "reconfigure"):
            continue
        try:
            if stream.isatty():
                stream.reconfigure(errors="replace")
            else:
                stream.reconfigure(encoding="utf-8")
        except (OSError, ValueError):
            pass


def main() -> None:
    _utf8_when_redirected()
    try:
        from .cli import app
    except KeyboardInterrupt:  # Ctrl-C while the tool is still starting
        raise SystemExit(130) from None
    app(prog_name="goedgenoeg")


if __name__ == "__main__":
    main()

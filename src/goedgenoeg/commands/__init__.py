"""One module per command (the shape of pipx's commands): cli.py reads the command line and
calls the public function of the module named after the command; common.py holds what several
commands share (the settings, the libraries, the sessions folder, opening a session)."""

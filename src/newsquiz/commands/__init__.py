"""The commands of `newsquiz`, one module each: its parser, then its run function.

A run function parses nothing itself (argparse did), calls the library,
renders through ``interface/`` and returns an exit status. Failures it can
name are raised as the errors of :mod:`newsquiz.commands.errors`, which
:mod:`newsquiz.cli` turns into one line and an exit status.
"""

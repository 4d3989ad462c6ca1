"""Everything that knows about the terminal: rich rendering and prompting."""

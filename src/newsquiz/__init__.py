"""newsquiz: learn from the news at the terminal.

Importing the package stays cheap on purpose: ``newsquiz --version`` must not
pay for rich, questionary or PyYAML.
"""

__version__ = "0.1.0"

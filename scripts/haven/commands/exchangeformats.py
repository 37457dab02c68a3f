"""The file formats `haven export` writes and `haven import` reads, by name and file ending.

A module of its own so that every `haven` command can name them (the command line lists them) without
loading translate-toolkit, which haven.commands.exchange needs: 20 ms of every `haven check`.
"""

FORMATS = {"po": ".po", "xliff": ".xlf"}

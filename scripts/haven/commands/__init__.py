"""The `haven` command: build, check, serve, stamp, status, and the other verbs editors run."""

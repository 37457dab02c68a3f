"""Haven: the library behind the site's build hooks and the `haven` command."""

"""The site's sources, read and validated once: mkdocs.yml (languages, the plugin's options), every page,
the interface strings and the data files (addresses, directory, urgent notice, stories, glossary), as one Content."""

"""What `haven check`, `haven sources` and `haven verify` find: the sources' findings, the built site's
links, each cited source as served, and a served copy of the site in Chromium."""

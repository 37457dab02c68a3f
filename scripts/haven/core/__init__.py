"""What every layer uses: findings and their messages, reading text and YAML as editors mean it, what
HTML may hold, link schemes, and the time and size limits of a build."""

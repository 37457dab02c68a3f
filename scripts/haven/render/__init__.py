"""One page: what the theme's templates get for it (notices, sharing, printing, QR code) and the small
changes made to its HTML; the adapters to mkdocs-static-i18n and Jinja."""

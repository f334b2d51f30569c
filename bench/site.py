"""Pressroom as the benchmark serves it: the production app, with child sitemaps of 50,000
addresses (the protocol's limit; the default is 10,000)."""

from pressroom import create_app

#: Settings the benchmark changes from the defaults.
SETTINGS = {"PRESSROOM_SITEMAP_SIZE": 50_000}

app = create_app(SETTINGS)

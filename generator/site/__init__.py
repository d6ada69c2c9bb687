"""Stage 5: the published site (MkDocs + mkdocs-material). The only stage that imports MkDocs.

* :mod:`.content`: what the site publishes, as plain data (pages, badge, exports);
* :mod:`.config`: the MkDocs settings both fronts apply, and mkdocs.yml as written;
* :mod:`.markdown_ext`: tables as focusable, named scroll regions;
* :mod:`.build`: ``plainnotice build`` (write the Markdown, build without the plugin, swap atomically);
* :mod:`.serve`: ``plainnotice serve`` (``mkdocs serve`` with the plugin);
* :mod:`.zensical`: ``plainnotice zensical`` (the docs folder and a config for a Zensical build);
* :mod:`.scaffold`: ``plainnotice init DIR``.

The MkDocs plugin (:mod:`generator.plugin`) is the other front over the same content.
This package imports nothing on its own (``content`` does not import MkDocs).
"""

"""The MkDocs plugin: ``plugins: - plainnotice`` in mkdocs.yml. A thin front over the same core
as ``plainnotice build`` (:func:`generator.site.prepare` and :func:`generator.site.configure`).

* ``on_config``: load, validate, render and check the inventory; bad input or an error finding
  stops the build with a :class:`~mkdocs.exceptions.PluginError` that names ``file:line:column``.
* ``on_files``: adds the rendered pages and the machine-readable files as generated files (they
  replace files of the same name in ``docs_dir``; nothing is written to disk).
* ``on_pre_page``: every page's date is the notice's effective date (reproducible sitemaps).
* ``on_serve``: ``mkdocs serve`` also watches the inventory and the templates folder.

Options (all optional)::

    plugins:
      - plainnotice:
          inventory: data_inventory.yml   # relative to mkdocs.yml
          templates: templates            # default: templates/ next to the inventory, if it exists
          check: true                     # run the readability gate; false only renders
          enabled: true                   # e.g. !ENV [PLAINNOTICE_PLUGIN, true]
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from generator import site
from generator.errors import InputError
from generator.notice.templates import default_templates


class PlainNoticeConfig(Config):
    inventory = c.Type(str, default="data_inventory.yml")
    templates = c.Optional(c.Type(str))
    check = c.Type(bool, default=True)
    enabled = c.Type(bool, default=True)


class PlainNoticePlugin(BasePlugin[PlainNoticeConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.prep: site.Prepared | None = None
        self.inventory: Path | None = None
        self.templates: Path | None = None

    def _resolve(self, config, value: str) -> Path:
        path = Path(value)
        if not path.is_absolute():
            base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
            path = base / path
        return path.resolve()

    def on_config(self, config):
        if not self.config.enabled:
            return config
        # `plainnotice serve -i FILE --templates DIR` hands its choices over in the environment
        self.inventory = self._resolve(config, os.environ.get(site.SERVE_INVENTORY_ENV) or self.config.inventory)
        templates = os.environ.get(site.SERVE_TEMPLATES_ENV) or self.config.templates
        try:
            if templates:
                self.templates = self._resolve(config, templates)
                tdir = default_templates(self.inventory, self.templates)
            else:
                tdir = default_templates(self.inventory, None)
                self.templates = tdir
            self.prep = site.prepare(str(self.inventory), str(tdir) if tdir else None, check=self.config.check)
        except InputError as err:
            raise PluginError("plainnotice: the inventory has errors; nothing was built.\n" + str(err)) from None
        except site.BuildStopped as stop:
            raise PluginError("plainnotice: " + str(stop)) from None
        site.configure(config, self.prep)
        return config

    def on_files(self, files: Files, config) -> Files:
        if self.prep is None:
            return files
        for rel, data in self.prep.files.items():
            old = files.get_file_from_path(rel)
            if old is not None:
                files.remove(old)
            files.append(File.generated(config, rel, content=data, inclusion=InclusionLevel.INCLUDED))
        return files

    def on_pre_page(self, page, config, files):
        if self.prep is not None:
            site.set_page_date(page, self.prep)
        return page

    def on_serve(self, server, config, builder):
        if self.inventory is not None:
            server.watch(str(self.inventory))
        if self.templates is not None and self.templates.is_dir():
            server.watch(str(self.templates))
        return server

"""The MkDocs plugin: ``plugins: - plainnotice`` in mkdocs.yml. A thin front over the same pipeline
as ``plainnotice build`` (:func:`generator.pipeline.prepare`); both apply the same MkDocs settings
(:func:`generator.site.config.configure`), so both give the same pages.

* ``on_config``: load, validate, render and check the inventory; bad input or an error finding
  stops the build with a :class:`~mkdocs.exceptions.PluginError` that names ``file:line:column``;
  style warnings are logged (logger ``mkdocs.plugins.plainnotice``), so ``mkdocs build --strict``
  stops on them as ``plainnotice check --strict`` does.
* ``on_files``: adds the rendered pages and the machine-readable files as generated files (they
  replace files of the same name in ``docs_dir``; nothing is written to disk).
* ``on_pre_page``: every page's date is the notice's effective date (reproducible sitemaps).
* ``on_nav``, ``on_page_context``: each page in its own language (:mod:`generator.site.config`):
  UI words, ``<html lang>``, site name, and a navigation of that language's pages.
* ``on_config`` and ``on_post_page`` also keep the no-other-host promise (:mod:`generator.site.hosts`):
  a setting or a page that loads from a host not in ``allow_hosts`` stops the build, and so does a
  Markdown extension that would turn inventory text into markup.
* ``on_serve``: ``mkdocs serve`` also watches the inventory and the templates folder.

Options (all optional)::

    plugins:
      - plainnotice:
          inventory: data_inventory.yml   # relative to mkdocs.yml
          templates: templates            # default: templates/ next to the inventory, if it exists
          check: true                     # run the readability gate; false only renders
          enabled: true                   # e.g. !ENV [PLAINNOTICE_PLUGIN, true]
          allow_hosts: []                 # hosts the site may load files from (plainnotice build too)
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.errors import InputError
from generator.notice.templates import default_templates
from generator.pipeline import BuildStopped, Prepared, prepare
from generator.site.config import configure, language_nav, localize_page, page_nav, refused_extensions, set_page_date
from generator.site.hosts import check_config, check_page, own_hosts
from generator.site.serve import SERVE_INVENTORY_ENV, SERVE_TEMPLATES_ENV
from generator.site.themecache import add_theme_cache

log = get_plugin_logger("plainnotice")  # "mkdocs.plugins.plainnotice"


class PlainNoticeConfig(Config):
    # paths are relative to mkdocs.yml; existence is checked by plainnotice, with its own messages
    inventory = c.File(exists=False, default="data_inventory.yml")
    templates = c.Optional(c.Dir(exists=False))
    check = c.Type(bool, default=True)
    # hosts the site may load files from (the no-other-host check of `plainnotice build`)
    allow_hosts = c.ListOfItems(c.Type(str), default=[])
    enabled = c.Type(bool, default=True)


class PlainNoticePlugin(BasePlugin[PlainNoticeConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.prep: Prepared | None = None
        self.inventory: Path | None = None
        self.templates: Path | None = None
        self.allow: tuple[str, ...] = ()

    def on_config(self, config):
        if not self.config.enabled:
            return config
        # `plainnotice serve -i FILE --templates DIR` hands its choices over in the environment
        self.inventory = Path(os.environ.get(SERVE_INVENTORY_ENV) or self.config.inventory).resolve()
        templates = os.environ.get(SERVE_TEMPLATES_ENV) or self.config.templates
        try:
            self.templates = default_templates(self.inventory, Path(templates).resolve() if templates else None)
            self.prep = prepare(str(self.inventory), self.templates, check=self.config.check)
        except InputError as err:
            raise PluginError("plainnotice: the inventory has errors; nothing was built.\n" + str(err)) from None
        except BuildStopped as stop:
            raise PluginError("plainnotice: " + str(stop)) from None
        warnings = [f for f in self.prep.findings if f.level != "error"]
        if warnings:
            n = len(warnings)
            log.warning(f"{n} warning{'s' if n != 1 else ''} (not blocking); 'plainnotice check' lists them.")
        problems = refused_extensions(config, str(config.config_file_path))
        if problems:
            raise PluginError("plainnotice: " + str(InputError(problems)))
        self.allow = tuple(self.config.allow_hosts) + own_hosts(config)
        findings = check_config(config, str(config.config_file_path), self.allow)
        if findings:
            raise PluginError("plainnotice: the site would load from another host:\n" + "\n".join(str(f) for f in findings))
        configure(config, self.prep.site)
        return config

    def on_post_page(self, output, page, config):
        """A page that would load from another host stops the build before it is written."""
        if self.prep is not None:
            findings = check_page(output, page.file.dest_uri, self.allow)
            if findings:
                raise PluginError("plainnotice: the site would load from another host:\n" + "\n".join(str(f) for f in findings))
        return output

    def on_env(self, env, config, files):
        """The theme's compiled templates are kept between builds (generator/site/themecache.py)."""
        return add_theme_cache(env) if self.config.enabled else env

    def on_files(self, files: Files, config) -> Files:
        if self.prep is None:
            return files
        for rel, data in self.prep.site.files.items():
            old = files.get_file_from_path(rel)
            if old is not None:
                files.remove(old)
            files.append(File.generated(config, rel, content=data, inclusion=InclusionLevel.INCLUDED))
        return files

    def on_pre_page(self, page, config, files):
        if self.prep is not None:
            set_page_date(page, self.prep.site)
        return page

    def on_nav(self, nav, config, files):
        return language_nav(nav, self.prep.site) if self.prep is not None else nav

    def on_page_context(self, context, page, config, nav):
        if self.prep is None:
            return context
        localize_page(page, config, self.prep.site)
        return page_nav(context, page, self.prep.site)

    def on_serve(self, server, config, builder):
        if self.inventory is not None:
            server.watch(str(self.inventory))
        if self.templates is not None and self.templates.is_dir():
            server.watch(str(self.templates))
        return server

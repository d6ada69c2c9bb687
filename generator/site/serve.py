"""``plainnotice serve``: ``mkdocs serve`` with the plugin, so edits to the inventory or a template
rebuild the site.

The plugin reads the inventory and templates folder from the environment (:data:`SERVE_INVENTORY_ENV`,
:data:`SERVE_TEMPLATES_ENV`). When mkdocs.yml does not list the plugin, a temporary config next to
it (``INHERIT: mkdocs.yml``) adds it, and is removed when the server stops.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml
from mkdocs.commands.serve import serve
from mkdocs.exceptions import Abort, ConfigurationError

from generator.errors import InputError, Loc, Problem
from generator.site.config import PLUGIN_NAME, docs_dir, lists_our_plugin, plugins_without_ours

SERVE_INVENTORY_ENV = "PLAINNOTICE_SERVE_INVENTORY"
SERVE_TEMPLATES_ENV = "PLAINNOTICE_SERVE_TEMPLATES"


def plugins_with_ours(raw: dict, inventory: str, templates: str | None) -> list:
    """The ``plugins`` list of mkdocs.yml with plainnotice added, for the given inventory."""
    options = {"inventory": inventory}
    if templates:
        options["templates"] = templates
    return plugins_without_ours(raw) + [{PLUGIN_NAME: options}]


def serve_site(config_file: Path, raw: dict, inventory: str | Path, templates: str | Path | None, dev_addr: str) -> None:
    """Serve the site of ``config_file`` (``raw``: mkdocs.yml as read) until interrupted."""
    docs_dir(config_file, raw).mkdir(parents=True, exist_ok=True)
    os.environ[SERVE_INVENTORY_ENV] = str(Path(inventory).resolve())
    if templates:
        os.environ[SERVE_TEMPLATES_ENV] = str(Path(templates).resolve())
    serve_config = config_file
    if not lists_our_plugin(raw):
        # a unique name (not the PID: two containers can share one), removed when the server stops
        fd, name = tempfile.mkstemp(prefix=".plainnotice-serve-", suffix=".yml", dir=config_file.parent)
        serve_config = Path(name)
        plugins = plugins_with_ours(raw, os.environ[SERVE_INVENTORY_ENV], str(templates) if templates else None)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(yaml.safe_dump({"INHERIT": config_file.name, "plugins": plugins}))
    try:
        serve(config_file=str(serve_config), livereload=True, dev_addr=dev_addr)
    except (ConfigurationError, Abort) as exc:
        raise InputError(Problem(Loc(str(config_file)), f"MkDocs stopped: {exc}", "fix what MkDocs names")) from None
    finally:
        if serve_config != config_file:
            serve_config.unlink(missing_ok=True)

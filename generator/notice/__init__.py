"""Stage 3: the notice. The inventory model -> Markdown pages with a source map, through
sandboxed Jinja2 templates, plus the machine-readable exports.

* :mod:`.pages`: what this stage hands on (Page, Span, RenderResult);
* :mod:`.escape`: inventory text shows as text (Markdown, HTML, titles, link targets);
* :mod:`.sourcemap`: marks printed values and turns the marks into spans;
* :mod:`.values`: inventory values as templates see them; how ``{{ }}`` prints;
* :mod:`.filters`, :mod:`.sandbox`: the filters and the Jinja environment;
* :mod:`.context`: the variables every template receives;
* :mod:`.templates`: the one template resolver (folders, languages, override order);
* :mod:`.render`: ``render(inv)``;
* :mod:`.checklist`: which legal checklist items apply, and are they rendered;
* :mod:`.export`: gpc.json, inventory.json, dpv.jsonld;
* :mod:`.write`: ``render --out`` and the atomic folder swap; :mod:`.cache`: the cache folder;
* :mod:`.contextdoc`: writes docs/templates.md.

This package imports nothing on its own.
"""

"""Stage 1: the inventory. YAML with locations -> a typed, validated model with its
cross-references resolved, plus the shipped reference data (vocabularies, countries, EEA and
adequacy lists).

* :mod:`.load`: YAML -> plain data that remembers ``file:line:column`` (our YAML 1.2 loader, limits);
* :mod:`.yamlread`: the YAML readers under it (PyYAML on libyaml when it reads the text, else pure-Python PyYAML, for its exact errors);
* :mod:`.datafiles`: the one reader of shipped data files (``generator/data/``);
* :mod:`.vocab`: the controlled vocabularies, each value with its meaning and article;
* :mod:`.geography`: country codes and names, the EEA, the EU and UK adequacy lists;
* :mod:`.fields`: free text (:class:`~.fields.Text`), the checked string types, walking the model;
* :mod:`.model`: the model classes and the JSON Schema;
* :mod:`.problems`: pydantic errors -> problems that name the place and the fix;
* :mod:`.resolve`: ids -> objects, language maps;
* :mod:`.parse`: ``load_inventory(path)``, the usual way in.

This package imports nothing on its own (so ``import generator.inventory.load`` stays cheap).
"""

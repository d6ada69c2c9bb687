"""Stage 4: readability. Scores of the text readers see, and the gate that fails a notice whose
layer reads above its target, naming each hard sentence and where it came from.

* :mod:`.textprep`: Markdown -> units of visible text with a map back to the source;
  :mod:`.htmltext` the same for HTML and plain text; :mod:`.sentences`: sentences, and each
  sentence as the formulas get it;
* :mod:`.syllables`: fast, offline syllable look-ups with textstat 0.7.8's results;
* :mod:`.formulas`: counts and the seven formulas (textstat 0.7.8's arithmetic), reading time;
* :mod:`.measure`: a document's sentences and sections, counted;
* :mod:`.words`: the word lists (legalese, hedges, hidden verbs) and the passive-voice rule;
* :mod:`.sources`: the source-map reader (inventory or template ``file:line:column``);
* :mod:`.report`: targets and the report's shape; :mod:`.gate`: ``check(result, inv)``;
* :mod:`.score`: ``plainnotice score`` on any file; :mod:`.formats`: text, JSON, GitHub, JUnit, SARIF.

Exit codes (in the CLI): 0 pass, 1 error findings, 2 bad input. This package imports nothing on its own.
"""

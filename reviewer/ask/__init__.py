"""`reviewer ask`: question analysis (question.py) -> evidence chosen by question type (select.py) ->
the answer, extractive or LLM (answer.py, render.py, cite.py); names.py refuses names the corpus lacks;
session.py keeps everything loaded for `chat` and stdin mode."""

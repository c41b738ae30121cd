"""Small library texts that several tests write to disk."""

# A valid library of one question, for settings that add a library of their own.
OWN_LIBRARY = """\
id: eigen
version: "1"
title: {nl: Eigen vragen, en: Own questions}
sections:
  - id: deel
    title: {nl: Deel, en: Part}
    prompts:
      - id: vraag
        kind: text
        text: {nl: Wat vraagt onze dienst altijd?, en: What does our service always ask?}
        help: {nl: Waarom, en: Why}
        source: "goedgenoeg-2025 §3.1"
"""

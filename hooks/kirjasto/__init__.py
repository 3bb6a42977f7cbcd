"""Käytäntökirjasto's core, in three layers that data flows through one way:

- `kirjasto.content`: reads and validates the library (`practices/*.md`, the
  vocabularies, the fork's settings) into a typed `Library`;
- `kirjasto.site`: plans the generated pages and writes every output (search
  index, catalogue, exports, security policy, the hook-free tree);
- `kirjasto.tools`: the `kirjasto` command and what only it runs (benchmark,
  preview, schema, editor snippets, link check).

A layer imports only from the layers before it (tests/test_architecture.py).
Nothing here knows MkDocs; `hooks/kirjasto_hook.py` is a thin adapter that
imports only the names each layer's `__init__` re-exports.
"""

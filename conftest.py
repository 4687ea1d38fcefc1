# The template has no outputs by design and the rendered site holds executed copies:
# neither belongs in nbval's collection.
collect_ignore_glob = ["notebooks/_*.ipynb", "site/*", ".cache/*", "**/.ipynb_checkpoints/*"]

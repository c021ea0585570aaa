"""Extra routes for jupyter-server-proxy."""

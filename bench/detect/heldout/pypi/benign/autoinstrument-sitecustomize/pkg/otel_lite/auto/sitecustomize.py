# Loaded only when `otel-lite-run` puts this folder first on PYTHONPATH.
import os

if os.environ.get("OTEL_LITE_ENABLED", "1") == "1":
    from otel_lite.instrument import install
    install(service=os.environ.get("OTEL_SERVICE_NAME", "unknown"))

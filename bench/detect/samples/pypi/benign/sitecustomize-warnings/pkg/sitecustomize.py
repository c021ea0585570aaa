"""quiet-warnings: silence known-noisy deprecation warnings at startup."""
import faulthandler
import os
import warnings

for mod in ("distutils", "pkg_resources", "imp"):
    warnings.filterwarnings("ignore", category=DeprecationWarning, module=mod)

if os.environ.get("QUIET_WARNINGS_FAULTHANDLER"):
    faulthandler.enable()

from datetime import timezone as _tz

"""A cache in the process: least recently used values, bounded in total size and in age.

For what is read on every request and must cost no network round trip and no unpickling
(ready search answers, rendered result cards). Each value is stored with the size its caller
gives it; the oldest are dropped when the total passes `max_bytes`, and a value older than
`max_age` seconds is never returned.
"""

import threading
import time
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any


class BoundedCache:
    def __init__(self, max_bytes: int, max_age: float) -> None:
        self.max_bytes = max_bytes
        self.max_age = max_age
        self._lock = threading.Lock()
        self._values: OrderedDict[Hashable, tuple[float, Any, int]] = OrderedDict()
        self._bytes = 0

    def get(self, key: Hashable) -> Any | None:
        with self._lock:
            found = self._values.get(key)
            if found is None:
                return None
            stored_at, value, _ = found
            if time.monotonic() - stored_at > self.max_age:
                self._remove(key)
                return None
            self._values.move_to_end(key)
            return value

    def put(self, key: Hashable, value: Any, size: int) -> None:
        if size > self.max_bytes // 16:
            return  # one huge value must not push out everything else
        with self._lock:
            if key in self._values:
                self._remove(key)
            self._values[key] = (time.monotonic(), value, size)
            self._bytes += size
            while self._bytes > self.max_bytes:
                self._remove(next(iter(self._values)))

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._values)

    def _remove(self, key: Hashable) -> None:
        _, _, size = self._values.pop(key)
        self._bytes -= size

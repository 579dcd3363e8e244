"""A plain-text progress bar on stderr: `actions    45,000/100,000 [#########.........]`."""

import sys
import time

WIDTH = 30


class Progress:
    """Counts done out of `total` for one step, redrawn at most ten times a second."""

    def __init__(self, label: str, total: int, stream=None):
        self.label, self.total, self.done = label, total, 0
        self.stream = stream or sys.stderr
        self.started = self._drawn = time.perf_counter()
        self._draw()

    def advance(self, count: int) -> None:
        self.done += count
        if time.perf_counter() - self._drawn > 0.1 or self.done >= self.total:
            self._draw()

    def finish(self) -> None:
        self.done = self.total
        self._draw()
        seconds = time.perf_counter() - self.started
        self.stream.write(f" {seconds:.1f} s\n")
        self.stream.flush()

    def _draw(self) -> None:
        self._drawn = time.perf_counter()
        filled = WIDTH * self.done // self.total if self.total else WIDTH
        bar = "#" * filled + "." * (WIDTH - filled)
        self.stream.write(f"\r{self.label:<20} {self.done:>9,}/{self.total:<9,} [{bar}]")
        self.stream.flush()


class _Silent:
    """Counts nothing and draws nothing: for writes that another bar already stands for (an
    action's owners and history, under the actions' bar)."""

    def advance(self, count: int) -> None:
        pass


SILENT = _Silent()

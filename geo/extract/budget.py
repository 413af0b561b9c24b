"""The time budget of extracting one article: a deadline checked between steps, never a thread stopped.

:meth:`geo.extract.Extractor.extract` calls :meth:`Budget.check` after cutting the sentences, for each
sentence while grouping them and for each event while building it; past the deadline the check raises
:class:`~geo.core.errors.IngestError` with one message, so the Review page and ``python -m geo ingest``
report it like any other unreadable article. The budget is the ``extract_budget_s`` setting
(``DRILLMAP_EXTRACT_BUDGET_S``, :mod:`geo.core.settings`).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from geo.core.errors import IngestError

#: The clock of every budget (a test replaces it to make time pass between steps).
CLOCK: Callable[[], float] = time.monotonic


class Budget:
    """A deadline ``seconds`` from now (None or 0: no deadline).

    Parameters
    ----------
    seconds
        The time allowed.
    clock
        Monotonic clock in seconds; default :data:`CLOCK`.
    """

    def __init__(self, seconds: float | None, *, clock: Callable[[], float] | None = None) -> None:
        self.seconds = seconds or None
        self._clock = clock or CLOCK
        self._deadline = None if self.seconds is None else self._clock() + self.seconds

    def check(self) -> None:
        """Raise :class:`IngestError` once the deadline has passed; otherwise return at once.

        Raises
        ------
        IngestError
            If the budget is spent.
        """
        if self._deadline is not None and self._clock() > self._deadline:
            msg = (
                f"extraction stopped after {self.seconds:g} s, the time allowed for one article "
                "(DRILLMAP_EXTRACT_BUDGET_S): split the article into shorter parts and review each"
            )
            raise IngestError(msg)


#: The budget of callers that set none.
UNLIMITED = Budget(None)

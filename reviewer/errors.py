"""Exceptions that tell the user whether retrying helps and how to fix the cause."""

from __future__ import annotations


class ReviewerError(Exception):
    """Base error: `retryable` says whether running the same thing again may succeed."""

    retryable: bool = False

    def __init__(self, message: str, *, hint: str | None = None, retryable: bool | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        if retryable is not None:
            self.retryable = retryable

    def __str__(self) -> str:
        text = self.message
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class InputError(ReviewerError):
    """A corpus file (or a line of it) could not be read as papers."""

    def __init__(self, path: str, message: str, *, line: int | None = None, hint: str | None = None) -> None:
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {message}", hint=hint, retryable=False)
        self.path = str(path)
        self.line = line
        self.reason = message


class ConfigError(ReviewerError):
    """A setting is missing or wrong; retrying without changing it will not help."""


class CorruptFileError(ReviewerError):
    """A data file under the home (catalogue, vector cache, Chroma store) cannot be read."""

    def __init__(self, path: object, exc: BaseException, recover: str) -> None:
        super().__init__(f"{path} is unreadable or corrupt ({exc})", hint=recover)


class NotFoundError(ReviewerError):
    """A paper, run or file the user named does not exist."""


class EmptyCorpusError(ReviewerError):
    """The catalogue has no papers yet."""


class LLMError(ReviewerError):
    """The LLM endpoint failed; `retryable` is set per failure kind."""


class BudgetExceeded(ReviewerError):
    """A --max-cost or --max-calls budget would be exceeded by the next call."""


class MissingDependency(ReviewerError):
    """An optional dependency is not installed."""

    def __init__(self, package: str, extra: str | None = None, purpose: str = "") -> None:
        install = f"pip install 'reviewer[{extra}]'" if extra else f"pip install {package}"
        super().__init__(
            f"{package} is required{(' for ' + purpose) if purpose else ''} but is not installed",
            hint=f"install it with: {install}",
        )

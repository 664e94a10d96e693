"""Why a pooled paper was left out of the survey: the appendix's reasons, in words that never contradict
themselves and name only what is true of the paper."""

from __future__ import annotations


def shown_below(rel: float, floor: float) -> tuple[str, str]:
    """The relevance and the floor as printed for a paper under it: two decimals, or as many more as it takes
    for the printed score to read below the printed floor (never '0.61 is below the floor 0.61')."""
    for digits in range(2, 7):
        shown, bar = f"{rel:.{digits}f}", f"{floor:.{digits}f}"
        if float(shown) < float(bar):
            return shown, bar
    return f"{rel:.6f}", f"{floor:.6f}"


def _quoted(words: list[str]) -> str:
    return ", ".join(f"'{w}'" for w in words)


def below_floor(rel: float, floor: float, unused: list[str] | None, unaddressed: list[str] | None) -> str:
    """Under the floor; with the topic's rare words the paper never uses and the facet words it barely
    addresses, when those penalties applied to it."""
    shown, bar = shown_below(rel, floor)
    reason = f"topic relevance {shown} is below the floor {bar} for on-topic papers"
    if unused:
        reason += f"; it never uses the topic's rare word{'s' if len(unused) > 1 else ''} {_quoted(unused)}"
    if unaddressed:
        reason += f"; it barely addresses the topic's part{'s' if len(unaddressed) > 1 else ''} {_quoted(unaddressed)}"
    return reason


def unconfirmed(rank: int, total: int, agree_from: int, agree_top: int, unused: list[str] | None = None) -> str:
    """Over the floor, and no ranking but relevance puts it high: past the first papers, or (`unused`) among them
    while never using some of the topic's rare words."""
    if unused:
        return (f"ranked {rank} of {total} by topic relevance, but it never uses the topic's rare "
                f"word{'s' if len(unused) > 1 else ''} {_quoted(unused)}, so the topic's search or the pooled ranking "
                f"must also place it in its first {agree_top}; neither does")
    return (f"ranked {rank} of {total} by topic relevance, but past the first {agree_from} papers the topic's "
            f"search or the pooled ranking must also place a paper in its first {agree_top}; neither does")

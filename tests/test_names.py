"""One name per mode: 'offline' is the answer mode whoever still says 'extractive'."""

from __future__ import annotations

from reviewer.models import Answer


def test_extractive_is_read_as_offline_and_printed_as_offline() -> None:
    answer = Answer(question="q", answer="a", mode="extractive")  # type: ignore[arg-type]
    assert answer.mode == "offline"
    assert '"mode":"offline"' in answer.model_dump_json()

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize import InputError, document_from_text, load_document


def test_load_gives_text_id_and_hash(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes("Caf\u00e9 one.\r\nTwo.".encode())
    d = load_document(p)
    assert d.text == "Caf\u00e9 one.\nTwo."
    assert d.id == "a.txt" and d.length == len(d.text) and len(d.sha256) == 64


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "empty"),
        (b"  \n\t \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Caf\u00e9 cr\u00e8me".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_bad_input_is_refused_with_a_reason(tmp_path: Path, content: bytes | None,
                                            message: str) -> None:
    p = tmp_path / "doc.txt"
    if content is not None:
        p.write_bytes(content)
    with pytest.raises(InputError, match=message):
        load_document(p)


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="directory"):
        load_document(tmp_path)


def test_text_with_lone_surrogates_is_made_safe() -> None:
    d = document_from_text("abc \ud800 def")
    assert d.text.encode("utf-8")


@given(st.binary(max_size=2000))
@settings(max_examples=200, deadline=None)
def test_any_bytes_load_or_fail_with_input_error(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        p = Path(folder) / "doc.txt"
        p.write_bytes(data)
        try:
            d = load_document(p)
        except InputError as exc:
            assert str(exc).startswith(str(p)) and "\n" not in str(exc)
            return
        assert d.text.strip() and len(d.sha256) == 64
        d.text.encode("utf-8")


def test_jsonl_reads_gzip_and_names_a_broken_one(tmp_path: Path) -> None:
    """A ``.jsonl.gz`` (the training and validation files) reads like its plain JSONL; a
    truncated one is an InputError naming the file, not a traceback."""
    import gzip

    from summarize.document import jsonl_lines

    plain = '{"a": 1}\n\n{"b": "é"}\n'
    packed = tmp_path / "records.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.encode("utf-8")))
    assert list(jsonl_lines(packed)) == [(1, '{"a": 1}\n'), (3, '{"b": "é"}\n')]
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(packed.read_bytes()[:-12])
    with pytest.raises(InputError, match="broken.jsonl.gz.*compressed file is broken"):
        list(jsonl_lines(broken))

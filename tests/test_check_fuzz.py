"""Fuzzing the checker (issue 12): arbitrary bytes, damaged zips and mutated Word XML give a
report or one documented error (InputError, ContentError), never anything else. Bounded:
a fixed number of small examples and no deadline per example."""
from __future__ import annotations

import io
import zipfile

from docx_build import make_docx, para
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from uprdraft.docx_check import check_docx
from uprdraft.findings import ContentError, InputError

BASE = make_docx(para("Title", '<w:rPr><w:b/></w:rPr>') + "<w:tbl><w:tr><w:tc>" + para("cell") + "</w:tc></w:tr></w:tbl>"
                 + '<w:p><w:hyperlink r:id="rIdLink"><w:r><w:t>link</w:t></w:r></w:hyperlink></w:p>',
                 footnotes=[para("A note.")], header=para("Head"))
with zipfile.ZipFile(io.BytesIO(BASE)) as _z:
    PARTS = {i.filename: _z.read(i) for i in _z.infolist()}
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(data: bytes) -> None:
    try:
        check_docx(data, name="fuzz.docx")
    except (InputError, ContentError):
        pass


@FUZZ
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data):
    _check(data)
    _check(b"PK\x03\x04" + data)


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(BASE) - 1), st.integers(0, 255)), min_size=1, max_size=20))
def test_flipped_bytes_of_a_real_docx(flips):
    data = bytearray(BASE)
    for pos, val in flips:
        data[pos] = val
    _check(bytes(data))


@FUZZ
@given(st.sampled_from(sorted(PARTS)), st.integers(0, 10_000), st.integers(0, 40),
       st.binary(max_size=40) | st.sampled_from([b"<w:p>", b"</w:p>", b"<w:tbl>", b"<w:r>", b"<w:rPr><w:b/>",
                                                  b"<w:color w:val='", b"w:val=\"x\"", b"<!DOCTYPE x>", b"&a;",
                                                  b"<w:sz w:val=\"-1\"/>", b"<w:gridSpan w:val=\"99999999\"/>"]))
def test_mutated_parts(name, at, cut, insert):
    parts = dict(PARTS)
    xml = parts[name]
    at %= len(xml) + 1
    parts[name] = xml[:at] + insert + xml[at + cut:]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in parts.items():
            z.writestr(n, d)
    _check(buf.getvalue())

from __future__ import annotations

from summarize import brief, render_markdown
from tests.conftest import GENERATIVE
from tests.test_pipeline import draft


def test_markdown_one_pager_marks_what_is_not_in_the_source(seed, fake_backend_cls) -> None:  # type: ignore[no-untyped-def]
    b = brief(seed, settings=GENERATIVE, backend=fake_backend_cls(draft()))
    md = render_markdown(b)
    assert md.startswith("# North Korean troops may join Russia's war\n")
    lines = md.splitlines()
    invented = next(ln for ln in lines if "50,000 troops to Moscow" in ln)
    assert "not found in source" in invented
    napoleon = next(ln for ln in lines if "Napoleon" in ln)
    assert "not found in source" in napoleon
    good = next(ln for ln in lines if ln.startswith("- Some North Korean troops"))
    assert "not found" not in good and "South Korea's Defense Intelligence Agency" in good
    assert "source hedges this" in md
    # The model said "exact"; the source says "approximately": the analyser's reading is shown.
    assert ("| approximately 10,000 troops | 10,000 | troops | approximate | "
            "⚠ *model read the figure differently* |") in md
    assert "| 12 missiles | 12 | missiles | exact | ⚠ *number not in its evidence* |" in md
    footer = lines[-1]
    assert "prompt v1" in footer and "fake-model" in footer and "grounded evidence" in footer
    # One printed page: about 60 lines of 100 characters.
    assert len(lines) <= 60 and sum(len(ln) // 100 + 1 for ln in lines) <= 66


def test_a_figure_shows_every_decimal_it_was_written_with() -> None:
    from summarize.render.common import format_number, format_value

    assert format_number(16177.77) == "16,177.77"  # an index level, not "16,177.8"
    assert format_number(0.1 + 0.2) == "0.3"
    assert format_number(10000.0) == "10,000"
    assert format_value("range", 2.0, 2.0, 4.5) == "2–4.5"

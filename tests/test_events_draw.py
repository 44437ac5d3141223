"""eval.events_draw: a draw is fixed by its seed, and leaves out what the excluded seeds drew."""

from __future__ import annotations

import json
from pathlib import Path

from eval.events_draw import USED_SEEDS, cut, diff, pick

POLNEAR = [f"p{n:03d}" for n in range(200)]
T17 = [f"t{n:03d}" for n in range(300)]


def test_the_same_seed_draws_the_same_texts() -> None:
    assert pick(1717, (20, 14), POLNEAR, T17, [8, 88]) == pick(
        1717, (20, 14), POLNEAR, T17, [8, 88]
    )
    assert pick(1717, (20, 14), POLNEAR, T17) != pick(1771, (20, 14), POLNEAR, T17)


def test_excluded_seeds_texts_are_left_out() -> None:
    old_p, old_t = pick(8, (30, 25), POLNEAR, T17)  # seed 8 is an old seed: 30 + 25 texts
    first_p, first_t = pick(1717, (20, 14), POLNEAR, T17, [8])
    second_p, second_t = pick(1771, (20, 14), POLNEAR, T17, [8, 1717])
    assert len(second_p) == 20 and len(second_t) == 14
    assert not set(first_p + first_t) & set(old_p + old_t)
    assert not set(second_p + second_t) & set(old_p + old_t + first_p + first_t)


def test_a_new_seed_is_left_out_as_it_was_drawn_whatever_the_list_order() -> None:
    drawn = pick(1717, (20, 14), POLNEAR, T17, [8, 9])
    later = pick(1771, (200, 300), POLNEAR, T17, [1717, 8, 9])
    assert not set(drawn[0] + drawn[1]) & set(later[0] + later[1])
    assert 8 in USED_SEEDS and 1717 not in USED_SEEDS


def test_an_exhausted_pool_gives_what_is_left() -> None:
    p, t = pick(1, (500, 0), POLNEAR, T17, [2])
    assert len(p) == 200 - 20 and t == []


def test_cut_stops_at_a_sentence_end() -> None:
    text = "One. Two words here. " + "x" * 50
    assert cut(text, 30) == "One. Two words here."
    assert cut("Short.", 30) == "Short."


def test_diff_lists_events_only_in_one_run() -> None:
    event = {"date": "2016-03-01", "precision": "day", "expression": "Tuesday", "text": "S."}
    assert diff({"a": [event]}, {"a": [event]}) == []
    assert diff({"a": [event]}, {"a": []}) == ["- a | 2016-03-01 day | 'Tuesday' | S."]


def test_a_larger_draw_is_left_out_whole() -> None:
    """Seed 1774 read 150 Timeline17 texts: excluding it leaves out all 150, not the default 14."""
    t17 = [f"t{n:04d}" for n in range(1000)]
    read = pick(1774, (0, 150), POLNEAR, t17)[1]
    later = pick(1818, (0, 800), POLNEAR, t17, [1774])[1]
    assert len(read) == 150 and len(later) == 800
    assert not set(read) & set(later)


def test_the_new_pool_draws_apart_from_the_first_and_leaves_out_its_seeds() -> None:
    """Round 19's pool (PolNeAR dev, Timeline17 every-25th) has its own shuffles and exclusions."""
    from eval.events_draw import NEW_USED_SIZES, new_orders, pick_new

    dev = [f"d{n:02d}" for n in range(84)]
    t25 = [f"e{n:03d}" for n in range(186)]
    held = pick_new(1919, (20, 20), dev, t25)
    assert held == pick_new(1919, (20, 20), dev, t25)
    assert NEW_USED_SIZES[1919] == (20, 20)
    later = pick_new(1991, (100, 300), dev, t25, [1919])
    assert len(later[0]) == 64 and len(later[1]) == 166
    assert not set(held[0] + held[1]) & set(later[0] + later[1])
    # the first pool's orders are untouched: a new-pool shuffle is not the old one
    assert new_orders(1717, POLNEAR, T17)[0] != pick(1717, (200, 0), POLNEAR, T17)[0]
    # an unlisted seed holds nothing of the new pool
    assert pick_new(5, (10, 10), dev, t25, [1234]) == pick_new(5, (10, 10), dev, t25)


def test_the_ukraine_pool_draws_apart_and_leaves_out_its_seeds(tmp_path: Path) -> None:
    """Round 20's pool: full English addresses only, each once, its own shuffle and exclusions."""
    from eval.events_draw import UKRAINE_FILE, UKRAINE_USED_SIZES, pick_ukraine, ukraine_pool

    rows = [
        {
            "id": "a",
            "title": "Address",
            "date": "2022-03-01T21:00:00",
            "text": "**Hi!** Good evening. " * 40,
        },
        {"id": "b", "title": "Short", "date": "2022-03-02T21:00:00", "text": "Too short."},
        {
            "id": "c",
            "title": "Again",
            "date": "2022-03-03T21:00:00",
            "text": "**Hi!** Good evening. " * 40,
        },
        {"id": "d", "title": "Звернення", "date": "2022-03-04T21:00:00", "text": "Привіт. " * 90},
    ]
    (tmp_path / UKRAINE_FILE).parent.mkdir(parents=True)
    (tmp_path / UKRAINE_FILE).write_text("\n".join(map(json.dumps, rows)), encoding="utf-8")
    pool = ukraine_pool(tmp_path)
    assert [(t["key"], t["day"]) for t in pool] == [("ukraine/a", "2022-03-01")]
    assert (
        pool[0]["text"].startswith("Address\n\nHi! Good evening. Hi!")
        and "**" not in pool[0]["text"]
    )
    keys = [f"ukraine/{n:03d}" for n in range(167)]
    held = pick_ukraine(2022, 40, keys)
    assert held == pick_ukraine(2022, 40, keys) and UKRAINE_USED_SIZES[2022] == 40
    dev = pick_ukraine(2202, 40, keys, [2022])
    assert len(dev) == 40 and not set(held) & set(dev)
    assert len(pick_ukraine(7, 500, keys, [2022, 2202])) == 167 - 80
    # an unlisted seed holds nothing
    assert pick_ukraine(5, 10, keys, [1234]) == pick_ukraine(5, 10, keys)

"""GDELT-style actor columns: country codes, IGO groups and other transnational prefixes."""

from __future__ import annotations

import duckdb
import pytest

from eventwire.store.export import _actor


@pytest.mark.parametrize(("code", "country", "group", "types"), [
    ("PRKMIL", "PRK", "", ("MIL", "", "")),
    ("USAGOVLEG", "USA", "", ("GOV", "LEG", "")),
    ("IGOUNO", "", "UNO", ("", "", "")),
    ("NGOHRI", "", "", ("NGO", "HRI", "")),
    ("IMGMUSISI", "", "", ("IMG", "MUS", "ISI")),
    ("---REB", "", "", ("REB", "", "")),
])
def test_actor_columns(code: str, country: str, group: str, types: tuple[str, str, str]) -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE t (a VARCHAR, a_name VARCHAR)")
    con.execute("INSERT INTO t VALUES (?, 'x')", [code])
    row = con.execute(f"SELECT {', '.join(_actor(1, 'a'))} FROM t").fetchall()[0]
    cols = [d[0] for d in con.description]
    got = dict(zip(cols, row, strict=True))
    assert got["Actor1CountryCode"] == country and got["Actor1KnownGroupCode"] == group
    assert (got["Actor1Type1Code"], got["Actor1Type2Code"], got["Actor1Type3Code"]) == types

"""Exports: Parquet partitioned by month, CSV, and the GDELT 2.0 event table layout."""

from __future__ import annotations

from pathlib import Path

import duckdb

from ..errors import ConfigError
from .queries import EventFilter

__all__ = ["export_events", "GDELT_COLUMNS", "FORMATS"]

FORMATS = ("parquet", "csv", "gdelt")

# GDELT 2.0 event table columns, in file order (tab-separated, no header).
GDELT_COLUMNS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    "Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code "
    "Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code "
    "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code "
    "Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code "
    "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources "
    "NumArticles AvgTone "
    "Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code "
    "Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID "
    "Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code "
    "Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID "
    "ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code "
    "ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL"
).split()


def _actor(n: int, col: str) -> list[str]:
    """Actor columns: our code is COUNTRY + sectors, or a transnational prefix (IGO + group; NGO, IMG,
    MNC + type) that GDELT keeps out of the country column."""
    igo = f"starts_with({col}, 'IGO')"
    other = f"substr({col}, 1, 3) IN ('NGO', 'IMG', 'MNC')"
    return [
        f"coalesce({col}, '') AS Actor{n}Code",
        f"coalesce(upper({col}_name), '') AS Actor{n}Name",
        f"CASE WHEN {col} IS NULL OR {igo} OR {other} OR starts_with({col}, '---') THEN '' "
        f"ELSE substr({col}, 1, 3) END AS Actor{n}CountryCode",
        f"CASE WHEN {igo} THEN substr({col}, 4, 3) ELSE '' END AS Actor{n}KnownGroupCode",
        f"'' AS Actor{n}EthnicCode", f"'' AS Actor{n}Religion1Code", f"'' AS Actor{n}Religion2Code",
        f"CASE WHEN {igo} THEN '' WHEN {other} THEN substr({col}, 1, 3) ELSE substr({col}, 4, 3) END "
        f"AS Actor{n}Type1Code",
        f"CASE WHEN {igo} THEN '' WHEN {other} THEN substr({col}, 4, 3) ELSE substr({col}, 7, 3) END "
        f"AS Actor{n}Type2Code",
        f"CASE WHEN {igo} THEN '' WHEN {other} THEN substr({col}, 7, 3) ELSE substr({col}, 10, 3) END "
        f"AS Actor{n}Type3Code",
    ]


def _geo(prefix: str, located: bool) -> list[str]:
    # GDELT geo country codes are FIPS 10-4, which we do not keep: left empty rather than wrong.
    if not located:
        return [f"'' AS {prefix}_{c}" for c in
                ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")]
    return [
        "CASE WHEN e.location_lat IS NULL THEN '' WHEN e.location_name = e.location_country THEN '1' ELSE '4' END "
        f"AS {prefix}_Type",
        f"coalesce(location_name, '') AS {prefix}_FullName", f"'' AS {prefix}_CountryCode",
        f"'' AS {prefix}_ADM1Code", f"'' AS {prefix}_ADM2Code",
        f"coalesce(CAST(location_lat AS VARCHAR), '') AS {prefix}_Lat",
        f"coalesce(CAST(location_lon AS VARCHAR), '') AS {prefix}_Long", f"'' AS {prefix}_FeatureID",
    ]


def _gdelt_select(where: str) -> str:
    day = "coalesce(e.date, a.published)"
    cols = [
        "CAST(hash(e.event_id) % 9000000000000 AS BIGINT) AS GLOBALEVENTID",
        f"strftime({day}, '%Y%m%d') AS SQLDATE", f"strftime({day}, '%Y%m') AS MonthYear",
        f"strftime({day}, '%Y') AS Year",
        f"CAST(round(year({day}) + (dayofyear({day}) - 1) / 365.0, 4) AS VARCHAR) AS FractionDate",
        *_actor(1, "e.source"), *_actor(2, "e.target"),
        "CASE WHEN e.sentence_index = 0 THEN 1 ELSE 0 END AS IsRootEvent",
        "e.code AS EventCode", "substr(e.code, 1, 3) AS EventBaseCode", "e.root AS EventRootCode",
        "e.quad_class AS QuadClass", "e.goldstein AS GoldsteinScale",
        "coalesce(c.n_mentions, 1) AS NumMentions", "coalesce(c.n_outlets, 1) AS NumSources",
        "coalesce(c.n_articles, 1) AS NumArticles", "'' AS AvgTone",
        *_geo("Actor1Geo", False), *_geo("Actor2Geo", False), *_geo("ActionGeo", True),
        "strftime(coalesce(a.coded_at, a.ingested_at), '%Y%m%d%H%M%S') AS DATEADDED",
        "coalesce(a.url, '') AS SOURCEURL",
    ]
    # Empty fields must be empty, not quoted "": make them NULL, which the CSV writer leaves blank.
    cols = [f"nullif(CAST({c.rsplit(' AS ', 1)[0]} AS VARCHAR), '') AS {c.rsplit(' AS ', 1)[1]}" for c in cols]
    return (f"SELECT {', '.join(cols)} FROM events e LEFT JOIN articles a ON a.id = e.doc_id "
            f"LEFT JOIN event_clusters c ON c.cluster_id = e.cluster_id WHERE {where} "
            "ORDER BY e.date, e.event_id")


def export_events(con: duckdb.DuckDBPyConnection, fmt: str, out: str | Path,
                  flt: EventFilter | None = None) -> int:
    """Write the events (matching ``flt``) to ``out``; return how many rows were written.

    parquet: a directory of month partitions (``month=YYYY-MM/``) that DuckDB, pandas and Dask read
    directly; csv: one file with a header; gdelt: GDELT 2.0 event table columns, tab-separated.
    """
    if fmt not in FORMATS:
        raise ConfigError(f"--format {fmt!r}: expected one of {', '.join(FORMATS)}")
    where, params = (flt or EventFilter(include_negated=True)).sql()
    out = str(out)
    if fmt == "gdelt":
        sql = _gdelt_select(where)
        opts = "FORMAT CSV, DELIMITER '\t', HEADER false"
    else:
        sql = (f"SELECT e.*, a.outlet, a.url, a.published, coalesce(strftime(coalesce(e.date, a.published), "
               f"'%Y-%m'), 'undated') AS month FROM events e LEFT JOIN articles a ON a.id = e.doc_id WHERE {where} "
               "ORDER BY e.date, e.event_id")
        if fmt == "parquet":
            Path(out).mkdir(parents=True, exist_ok=True)
            opts = "FORMAT PARQUET, PARTITION_BY (month), OVERWRITE_OR_IGNORE true"
        else:
            opts = "FORMAT CSV, HEADER true"
    n = con.execute(f"SELECT count(*) FROM ({sql})", params).fetchall()[0][0]
    con.execute(f"COPY ({sql}) TO '{out.replace(chr(39), chr(39) * 2)}' ({opts})", params)
    return int(n)

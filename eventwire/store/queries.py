"""Analyst queries and deduplication over the store: event filters, dyad series, networks, clusters.

A mixin of ``Store`` (kept apart so each module stays small); all SQL lives in the store package.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

from .. import settings
from ..analysis.dedup import EventKey, cluster_events
from ..errors import ConfigError

__all__ = ["EventFilter", "QueryMixin", "FREQS"]

FREQS = ("day", "week", "month", "quarter", "year")
_MODALITIES = ("asserted", "planned", "threatened", "hypothetical", "demanded")


@dataclass
class EventFilter:
    """Which events an analysis looks at. Actor codes match as prefixes (PRK matches PRKGOV)."""

    source: str | None = None
    target: str | None = None
    dyad: str | None = None  # "PRK-USA": source PRK..., target USA...
    code: str | None = None  # CAMEO code prefix ("11" = all disapprove codes)
    plover: str | None = None
    since: str | None = None
    until: str | None = None
    modality: str | None = None  # None = every modality
    include_negated: bool = False
    outlet: str | None = None

    def sql(self, alias: str = "e") -> tuple[str, list[Any]]:
        conds: list[str] = []
        params: list[Any] = []
        source, target = self.source, self.target
        if self.dyad:
            parts = self.dyad.replace(">", "-").split("-")
            if len(parts) != 2 or not all(parts):
                raise ConfigError(f"--dyad {self.dyad!r}: expected SOURCE-TARGET, e.g. PRK-USA")
            source, target = parts
        for col, val in (("source", source), ("target", target), ("code", self.code)):
            if val:
                conds.append(f"starts_with({alias}.{col}, ?)")
                params.append(val.upper())
        if self.plover:
            conds.append(f"{alias}.plover = ?")
            params.append(self.plover.upper())
        if self.since:
            conds.append(f"{alias}.date >= CAST(? AS DATE)")
            params.append(self.since)
        if self.until:
            conds.append(f"{alias}.date <= CAST(? AS DATE)")
            params.append(self.until)
        if self.modality:
            if self.modality not in _MODALITIES:
                raise ConfigError(f"--modality {self.modality!r}: expected one of {', '.join(_MODALITIES)}")
            conds.append(f"{alias}.modality = ?")
            params.append(self.modality)
        if not self.include_negated:
            conds.append(f"NOT {alias}.negated")
        if self.outlet:
            conds.append("a.outlet = ?")
            params.append(self.outlet)
        return (" AND ".join(conds) or "TRUE"), params


def _freq(freq: str) -> str:
    if freq not in FREQS:
        raise ConfigError(f"--freq {freq!r}: expected one of {', '.join(FREQS)}")
    return freq


class QueryMixin:
    """Read-side methods of ``Store`` (which provides ``con`` and ``_insert``)."""

    con: duckdb.DuckDBPyConnection
    _insert: Any

    # -- events -----------------------------------------------------------------------------
    def events(self, filter: EventFilter | None = None, *, arrow: bool = False, limit: int | None = None,
               **kw: Any) -> Any:
        """Events with their article's outlet/url/published, as a pandas DataFrame (or Arrow table).

        Keyword arguments are EventFilter fields: ``store.events(dyad="PRK-USA", since="2024-01-01")``.
        """
        flt = filter or EventFilter(**kw)
        where, params = flt.sql()
        sql = (f"SELECT e.*, a.outlet, a.url, a.published FROM events e LEFT JOIN articles a ON a.id = e.doc_id "
               f"WHERE {where} ORDER BY e.date, e.doc_id, e.sentence_index, e.event_id")
        if limit:
            sql += f" LIMIT {int(limit)}"
        if arrow:
            return self.con.sql(sql, params=params).to_arrow_table()
        return self.con.execute(sql, params).df()

    # -- deduplication ----------------------------------------------------------------------
    def recluster(self, blocks: Iterable[tuple[str | None, str | None, str]] | None = None,
                  around: tuple[Any, Any] | None = None, clusters: Iterable[str] = (),
                  window_days: int | None = None, threshold: float | None = None) -> int:
        """(Re)build event clusters for the given (source, target, root) blocks, or for all events.

        With ``around`` (first, last date of the new events) only the block's events within the
        dedup window of those dates are reclustered, with every cluster they belong to taken whole,
        so the cost of a batch does not grow with the store. ``clusters`` names clusters that lost
        members (a re-coded article) and must be rebuilt too. Runs inside the caller's transaction.
        Returns the number of clusters written.
        """
        window = settings.get("dedup_window_days") if window_days is None else window_days
        thresh = settings.get("dedup_similarity") if threshold is None else threshold
        cols = ("SELECT e.event_id, e.doc_id, e.source, e.target, e.root, e.date, e.sentence, a.outlet, e.code, "
                "e.confidence, e.location_name, e.source_name, e.target_name, a.published, "
                "coalesce(a.near_duplicate_of, e.doc_id) AS article_key, e.modality, e.negated "
                "FROM events e LEFT JOIN articles a ON a.id = e.doc_id")
        if blocks is None:
            rows = self.con.execute(cols).fetchall()
            self.con.execute("DELETE FROM event_clusters")
        else:
            keys = pa.table({k: [b[i] for b in blocks] for i, k in enumerate(("source", "target", "root"))})
            if keys.num_rows == 0 and not clusters:
                return 0
            self.con.register("_ew_blocks", keys)
            self.con.register("_ew_old", pa.table({"cluster_id": pa.array(list(clusters), pa.string())}))
            params: list[Any] = []
            when = "TRUE"
            if around is not None and around[0] is not None and around[1] is not None:
                when = ("e.date IS NULL OR e.date BETWEEN CAST(? AS DATE) - to_days(CAST(? AS INTEGER)) "
                        "AND CAST(? AS DATE) + to_days(CAST(? AS INTEGER))")
                params = [str(around[0]), 2 * window, str(around[1]), 2 * window]
            try:
                self.con.execute(
                    "CREATE OR REPLACE TEMP TABLE _ew_near AS SELECT e.event_id, e.cluster_id FROM events e "
                    "JOIN _ew_blocks k ON e.source IS NOT DISTINCT FROM k.source AND "
                    f"e.target IS NOT DISTINCT FROM k.target AND e.root = k.root WHERE {when}", params)
                self.con.execute(
                    "CREATE OR REPLACE TEMP TABLE _ew_gone AS SELECT cluster_id FROM _ew_near "
                    "WHERE cluster_id IS NOT NULL UNION SELECT cluster_id FROM _ew_old")
                rows = self.con.execute(
                    f"{cols} WHERE e.event_id IN (SELECT event_id FROM _ew_near) "
                    "OR e.cluster_id IN (SELECT cluster_id FROM _ew_gone)").fetchall()
                self.con.execute("DELETE FROM event_clusters WHERE cluster_id IN (SELECT cluster_id FROM _ew_gone)")
                self.con.execute("DROP TABLE _ew_near")
                self.con.execute("DROP TABLE _ew_gone")
            finally:
                self.con.unregister("_ew_blocks")
                self.con.unregister("_ew_old")
        meta = {r[0]: r for r in rows}
        found = cluster_events(
            (EventKey(event_id=r[0], doc_id=r[1], source=r[2], target=r[3], root=r[4], date=r[5], evidence=r[6] or "",
                      outlet=r[7], code=r[8] or "", confidence=r[9] if r[9] is not None else 1.0,
                      location=r[10], names=(r[11] or "", r[12] or ""), modality=r[15] or "asserted",
                      negated=bool(r[16])) for r in rows),
            window_days=window, threshold=thresh)
        mapping: dict[str, list] = {"event_id": [], "cluster_id": [], "rep": []}
        cluster_rows = []
        for c in found:
            members = [meta[m.event_id] for m in c.members]
            published = [m[13] for m in members if m[13] is not None]
            rep = c.representative
            cluster_rows.append({
                "cluster_id": c.cluster_id, "source": rep.source, "target": rep.target, "root": rep.root,
                "plover": None, "date": _iso(c.first), "date_last": _iso(c.last),
                "first_seen": _iso(min(published)) if published else None,
                "last_seen": _iso(max(published)) if published else None,
                "n_mentions": len(members), "n_articles": len({m[14] for m in members}),
                "n_outlets": len({m[7] for m in members if m[7]}), "representative_event_id": rep.event_id})
            for m in c.members:
                mapping["event_id"].append(m.event_id)
                mapping["cluster_id"].append(c.cluster_id)
                mapping["rep"].append(m.event_id == rep.event_id)
        self._insert("event_clusters", cluster_rows)
        if mapping["event_id"]:
            self.con.register("_ew_map", pa.table(mapping))
            try:
                self.con.execute("UPDATE events SET cluster_id = m.cluster_id, is_representative = m.rep "
                                 "FROM _ew_map m WHERE events.event_id = m.event_id")
            finally:
                self.con.unregister("_ew_map")
        self.con.execute("UPDATE event_clusters c SET plover = e.plover FROM events e "
                         "WHERE e.event_id = c.representative_event_id AND c.plover IS NULL")
        return len(cluster_rows)

    def clusters(self, filter: EventFilter | None = None, **kw: Any) -> Any:
        """One row per real-world event (cluster), with its mention counts, as a DataFrame."""
        flt = filter or EventFilter(**kw)
        where, params = flt.sql()
        return self.con.execute(
            "SELECT c.*, e.code, e.cameo_name, e.sentence, e.goldstein, e.quad_class FROM event_clusters c "
            "JOIN events e ON e.event_id = c.representative_event_id LEFT JOIN articles a ON a.id = e.doc_id "
            f"WHERE {where} ORDER BY c.date, c.cluster_id", params).df()

    # -- dyads and networks -----------------------------------------------------------------
    def _unique_events(self, flt: EventFilter, extra: str = "TRUE", extra_params: list[Any] | None = None
                       ) -> tuple[str, list[Any]]:
        """One row per real-world event: each cluster's representative (unclustered events stand
        for themselves), so one event reported by forty outlets counts once."""
        where, params = flt.sql()
        return (
            "SELECT e.source, e.target, e.date, e.quad_class, e.goldstein FROM events e "
            f"LEFT JOIN articles a ON a.id = e.doc_id WHERE coalesce(e.is_representative, true) AND {where} "
            f"AND ({extra})", params + (extra_params or []))

    def dyad(self, a: str, b: str, freq: str = "month", since: str | None = None, until: str | None = None,
             modality: str | None = "asserted") -> Any:
        """Counts by quad class and mean/sum Goldstein per period, both directions (a→b and b→a).

        Each real-world event counts once however many articles report it.
        """
        a, b, freq = a.upper(), b.upper(), _freq(freq)
        flt = EventFilter(since=since, until=until, modality=modality)
        pair = ("(starts_with(e.source, ?) AND starts_with(e.target, ?)) OR "
                "(starts_with(e.source, ?) AND starts_with(e.target, ?))")
        sub, params = self._unique_events(flt, pair, [a, b, b, a])
        sql = (f"WITH u AS ({sub}) SELECT date_trunc('{freq}', date)::DATE AS period, "
               "CASE WHEN starts_with(source, ?) THEN ? ELSE ? END AS direction, count(*) AS events, "
               "count(*) FILTER (quad_class = 1) AS verbal_coop, count(*) FILTER (quad_class = 2) AS material_coop, "
               "count(*) FILTER (quad_class = 3) AS verbal_conflict, "
               "count(*) FILTER (quad_class = 4) AS material_conflict, "
               "round(avg(goldstein), 3) AS goldstein_mean, round(sum(goldstein), 3) AS goldstein_sum "
               "FROM u WHERE date IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2")
        return self.con.execute(sql, params + [a, f"{a}->{b}", f"{b}->{a}"]).df()

    def network(self, since: str | None = None, until: str | None = None, level: str = "country",
                modality: str | None = "asserted", min_events: int = 1) -> dict[str, Any]:
        """Actors as nodes, directed edges weighted by event count and Goldstein (deduplicated).

        ``level`` "country" folds actors to their first three letters; "actor" keeps full codes.
        """
        if level not in ("country", "actor"):
            raise ConfigError(f"level {level!r}: expected country or actor")
        sub, params = self._unique_events(EventFilter(since=since, until=until, modality=modality),
                                          "e.source IS NOT NULL AND e.target IS NOT NULL")
        node = "substr({}, 1, 3)" if level == "country" else "{}"
        sql = (f"WITH u AS ({sub}) SELECT {node.format('source')} AS s, {node.format('target')} AS t, "
               "count(*) AS n, round(sum(goldstein), 3) AS gs, round(avg(goldstein), 3) AS gm, "
               "count(*) FILTER (quad_class IN (1, 2)) AS coop, count(*) FILTER (quad_class IN (3, 4)) AS conflict "
               "FROM u GROUP BY 1, 2 "
               f"HAVING count(*) >= {int(min_events)} AND s <> t ORDER BY n DESC, s, t")
        edges = [{"source": s, "target": t, "events": n, "goldstein_sum": gs, "goldstein_mean": gm,
                  "cooperation": coop, "conflict": conflict}
                 for s, t, n, gs, gm, coop, conflict in self.con.execute(sql, params).fetchall()]
        degree: dict[str, int] = {}
        for e in edges:
            for k in (e["source"], e["target"]):
                degree[k] = degree.get(k, 0) + e["events"]
        nodes = [{"id": k, "events": v} for k, v in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))]
        return {"nodes": nodes, "edges": edges}


def _iso(d: Any) -> str | None:
    return d.isoformat() if d is not None else None

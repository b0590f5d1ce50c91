"""Analyst queries and deduplication over the store: event filters, dyad series, networks, clusters.

A mixin of ``Store`` (kept apart so each module stays small); all SQL lives in the store package.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

from .. import settings
from ..analysis.dedup import Candidate, EventKey, assign_events, cluster_events
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
    dedup_rows_read: int = 0  # rows the last dedup step read into Python (tests check it stays bounded)

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
        cols = (f"SELECT {_KEY_FIELDS}, a.published, coalesce(a.near_duplicate_of, e.doc_id) AS article_key "
                "FROM events e LEFT JOIN articles a ON a.id = e.doc_id")
        if blocks is None:
            rows = self.con.execute(cols).fetchall()
            self.con.execute("DELETE FROM event_clusters")
        else:
            blocks = list(blocks)
            keys = pa.table({k: pa.array([b[i] for b in blocks], pa.string())
                             for i, k in enumerate(("source", "target", "root"))})
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
        self.dedup_rows_read = len(rows)
        meta = {r[0]: r for r in rows}
        found = cluster_events((_key(r) for r in rows), window_days=window, threshold=thresh)
        mapping: dict[str, list] = {"event_id": [], "cluster_id": [], "rep": []}
        cluster_rows = []
        for c in found:
            members = [meta[m.event_id] for m in c.members]
            published = [m[15] for m in members if m[15] is not None]
            rep = c.representative
            cluster_rows.append({
                "cluster_id": c.cluster_id, "source": rep.source, "target": rep.target, "root": rep.root,
                "plover": None, "date": _iso(c.first), "date_last": _iso(c.last),
                "first_seen": _iso(min(published)) if published else None,
                "last_seen": _iso(max(published)) if published else None,
                "n_mentions": len(members), "n_articles": len({m[16] for m in members}),
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

    def assign_new(self, event_ids: Sequence[str], window_days: int | None = None, threshold: float | None = None,
                   max_candidates: int | None = None) -> int:
        """Cluster just-stored events incrementally: each is compared only with the newest (then
        most reported) ``dedup_max_candidates`` clusters of its block (source, target, root, modality, negation)
        within the dedup window, each read as its representative row, and with the events of this
        call; it extends the best match or starts a cluster. The rows read are bounded by the batch
        and the cap, whatever the size of the store or of the day. Runs inside the caller's
        transaction; returns the number of clusters made or extended."""
        window = settings.get("dedup_window_days") if window_days is None else window_days
        thresh = settings.get("dedup_similarity") if threshold is None else threshold
        cap = int(settings.get("dedup_max_candidates") if max_candidates is None else max_candidates)
        ids = list(event_ids)
        if not ids:
            return 0
        marks = ", ".join("?" * len(ids))
        new = [_key(r) for r in self.con.execute(f"{_KEY_COLS} WHERE e.event_id IN ({marks})", ids).fetchall()]
        spans: dict[tuple, list] = {}
        for e in new:
            span = spans.setdefault((e.source, e.target, e.root), [None, None, False])
            if e.date is None:
                span[2] = True
            else:
                span[0] = e.date if span[0] is None else min(span[0], e.date)
                span[1] = e.date if span[1] is None else max(span[1], e.date)
        cols = ("source", "target", "root", "lo", "hi", "undated")
        types = [pa.string()] * 3 + [pa.date32(), pa.date32(), pa.bool_()]
        vals = [[*k, *v] for k, v in spans.items()]
        self.con.register("_ew_spans", pa.table({c: pa.array([v[i] for v in vals], t)
                                                 for i, (c, t) in enumerate(zip(cols, types, strict=True))}))
        try:
            # The newest clusters of each block that a new event could join; on a day with more
            # than the cap, the most reported ones (a big story draws the most new reports).
            spans_rows = self.con.execute(
                "SELECT cluster_id, c_first, c_last, rep FROM (SELECT c.cluster_id, c.date AS c_first, "
                "c.date_last AS c_last, c.representative_event_id AS rep, "
                "row_number() OVER (PARTITION BY k.source, k.target, k.root "
                "ORDER BY c.date_last DESC NULLS LAST, c.n_mentions DESC, c.cluster_id DESC) AS rn "
                "FROM event_clusters c JOIN _ew_spans k ON c.source IS NOT DISTINCT FROM k.source "
                "AND c.target IS NOT DISTINCT FROM k.target AND c.root = k.root "
                "WHERE (k.undated AND c.date IS NULL) OR (k.lo IS NOT NULL AND c.date_last >= k.lo - to_days(?) "
                "AND c.date <= k.hi + to_days(?))) WHERE rn <= ?", [window, window, cap]).fetchall()
        finally:
            self.con.unregister("_ew_spans")
        reps: dict[str, EventKey] = {}
        if spans_rows:
            # Constants in the IN list are pushed into the scan: only the representatives' rows
            # are read beyond the event_id column.
            marks = ", ".join("?" * len(spans_rows))
            reps = {r[0]: _key(r) for r in self.con.execute(
                f"{_KEY_COLS} WHERE e.event_id IN ({marks})", [r[3] for r in spans_rows]).fetchall()}
        self.dedup_rows_read = len(new) + len(spans_rows)
        candidates = [Candidate(cluster_id=r[0], rep=reps[r[3]], first=r[1], last=r[2])
                      for r in spans_rows if r[3] in reps]
        old_reps = {c.cluster_id: c.rep.event_id for c in candidates}
        touched = assign_events(new, candidates, window_days=window, threshold=thresh)
        mapping: dict[str, list] = {"event_id": [], "cluster_id": [], "rep": []}
        for c in touched:
            for m in c.added:
                mapping["event_id"].append(m.event_id)
                mapping["cluster_id"].append(c.cluster_id)
                mapping["rep"].append(m.event_id == c.rep.event_id)
            if not c.new and old_reps[c.cluster_id] != c.rep.event_id:
                mapping["event_id"].append(old_reps[c.cluster_id])
                mapping["cluster_id"].append(c.cluster_id)
                mapping["rep"].append(False)
        reps = pa.table({"cluster_id": pa.array([c.cluster_id for c in touched], pa.string()),
                         "rep": pa.array([c.rep.event_id for c in touched], pa.string())})
        self.con.register("_ew_map", pa.table(mapping))
        self.con.register("_ew_reps", reps)
        try:
            self.con.execute("UPDATE events SET cluster_id = m.cluster_id, is_representative = m.rep "
                             "FROM _ew_map m WHERE events.event_id = m.event_id")
            # Counts and spans are recomputed in SQL from the members (no member row reaches Python).
            self.con.execute("DELETE FROM event_clusters WHERE cluster_id IN (SELECT cluster_id FROM _ew_reps)")
            self.con.execute(
                "INSERT INTO event_clusters (cluster_id, source, target, root, plover, date, date_last, first_seen, "
                "last_seen, n_mentions, n_articles, n_outlets, representative_event_id) "
                "SELECT s.cluster_id, r.source, r.target, r.root, r.plover, s.d0, s.d1, s.p0, s.p1, s.n, s.na, s.no, "
                "r.event_id FROM (SELECT e.cluster_id, min(e.date) AS d0, max(e.date) AS d1, min(a.published) AS p0, "
                "max(a.published) AS p1, count(*) AS n, count(DISTINCT coalesce(a.near_duplicate_of, e.doc_id)) AS na, "
                "count(DISTINCT a.outlet) AS no FROM events e LEFT JOIN articles a ON a.id = e.doc_id "
                "WHERE e.cluster_id IN (SELECT cluster_id FROM _ew_reps) GROUP BY e.cluster_id) s "
                "JOIN _ew_reps t ON t.cluster_id = s.cluster_id JOIN events r ON r.event_id = t.rep")
        finally:
            self.con.unregister("_ew_map")
            self.con.unregister("_ew_reps")
        return len(touched)

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


_KEY_FIELDS = ("e.event_id, e.doc_id, e.source, e.target, e.root, e.date, e.sentence, a.outlet, e.code, "
               "e.confidence, e.location_name, e.source_name, e.target_name, e.modality, e.negated")
_KEY_COLS = f"SELECT {_KEY_FIELDS} FROM events e LEFT JOIN articles a ON a.id = e.doc_id"


def _key(r: Sequence[Any]) -> EventKey:
    """An EventKey from a row starting with the _KEY_FIELDS columns (recluster's rows add more after)."""
    return EventKey(event_id=r[0], doc_id=r[1], source=r[2], target=r[3], root=r[4], date=r[5], evidence=r[6] or "",
                    outlet=r[7], code=r[8] or "", confidence=r[9] if r[9] is not None else 1.0, location=r[10],
                    names=(r[11] or "", r[12] or ""), modality=r[13] or "asserted", negated=bool(r[14]))


def _iso(d: Any) -> str | None:
    return d.isoformat() if d is not None else None

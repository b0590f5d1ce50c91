"""The embedded DuckDB store: the only module that writes SQL.

Tables and views are defined in ``schema.sql`` (documented in docs/schema.md). Writes go in
batches through Arrow tables, one transaction per batch, so a failure leaves the previous rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from .. import settings
from ..analysis.similarity import estimate_jaccard, lsh_bands, minhash
from ..errors import StoreError
from ..records import Article, CodedArticle, Event, Reject, content_id
from .queries import QueryMixin

__all__ = ["Store", "SCHEMA_VERSION", "IngestResult", "CodeResult"]

SCHEMA_VERSION = 1
NEAR_DUPLICATE_JACCARD = 0.8  # estimated shingle overlap above which an article is a syndicated copy
STORE_THREADS = 1  # DuckDB threads of a writing connection (setting ``store_threads``)
STORE_CHECKPOINT_MB = 4  # WAL size that triggers a checkpoint (setting ``store_checkpoint_mb``)

_ARROW = {
    "VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(), "SMALLINT": pa.int16(),
    "TINYINT": pa.int8(), "UBIGINT": pa.uint64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
    "VARCHAR[]": pa.list_(pa.string()),
    # Dates travel as ISO strings; DuckDB casts them on insert.
    "DATE": pa.string(), "TIMESTAMP": pa.string(),
}
# Tables holding what coding found in an article: replaced together when it is re-coded.
_DERIVED = ("sentences", "actor_mentions", "quotes", "time_expressions", "places", "events")


@dataclass
class IngestResult:
    stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0


@dataclass
class CodeResult:
    articles: int = 0
    events: int = 0
    duplicates: int = 0


def _setting(name: str, default: int) -> int:
    """An integer store setting (``default`` documents it where the constant is declared)."""
    return int(settings.get(name))


def _now() -> str:
    return datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="seconds")


class Store(QueryMixin):
    """An eventwire DuckDB file (created and migrated on open). Use as a context manager."""

    def __init__(self, path: str | Path | None = None, read_only: bool = False) -> None:
        self.path = str(path or settings.get("db"))
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from None
        self.read_only = read_only
        if not read_only:
            self._writer_settings()
            self._migrate()
        self._types: dict[str, list[tuple[str, str]]] = {}
        self._stored_since_open = 0

    # -- lifecycle -------------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def _writer_settings(self) -> None:
        """Bound a writing connection's memory so a long coding run stays flat (docs/scale.md).

        - ``memory_limit``: the page cache would otherwise grow with the file (reads keep the default).
        - ``threads``: each DuckDB worker thread keeps its own allocator arena and caches; the
          writer's statements are small batches, so extra threads add memory, not speed, and would
          compete with the coding process for the same cores.
        - ``checkpoint_threshold``: rows committed since the last checkpoint are held in memory as
          well as in the WAL, and a checkpoint's transient memory grows with them; smaller, more
          frequent checkpoints keep both low. Durability is the WAL's either way.
        """
        self.con.execute(f"SET memory_limit = '{int(settings.get('store_memory_mb'))}MB'")
        self.con.execute(f"SET threads = {max(1, int(_setting('store_threads', STORE_THREADS)))}")
        checkpoint = max(1, int(_setting("store_checkpoint_mb", STORE_CHECKPOINT_MB)))
        self.con.execute(f"SET checkpoint_threshold = '{checkpoint}MiB'")

    def _migrate(self) -> None:
        self.con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        row = self._one("SELECT value FROM meta WHERE key = 'schema_version'")
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} has schema version {version}; this eventwire knows {SCHEMA_VERSION}")
        sql = resources.files("eventwire.store").joinpath("schema.sql").read_text(encoding="utf-8")
        self.con.execute(sql)
        self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])

    @property
    def schema_version(self) -> int:
        row = self._one("SELECT value FROM meta WHERE key = 'schema_version'")
        return int(row[0]) if row else 0

    # -- generic helpers -------------------------------------------------------------------
    def _columns(self, table: str) -> list[tuple[str, str]]:
        if table not in self._types:
            rows = self.con.execute(f"DESCRIBE {table}").fetchall()
            self._types[table] = [(r[0], r[1]) for r in rows]
        return self._types[table]

    def _insert(self, table: str, rows: Sequence[dict[str, Any]]) -> None:
        if not rows:
            return
        cols = self._columns(table)
        arrays = {name: pa.array([r.get(name) for r in rows], type=_ARROW.get(typ, pa.string()))
                  for name, typ in cols}
        tmp = pa.table(arrays)
        names = ", ".join(f'"{n}"' for n, _ in cols)
        self.con.register("_ew_rows", tmp)
        try:
            self.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _ew_rows")
        finally:
            self.con.unregister("_ew_rows")

    def query(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple]:
        """Run a read query and return its rows (for analysis code and tests)."""
        return self.con.execute(sql, params or []).fetchall()

    def _one(self, sql: str, params: Sequence[Any] | None = None) -> tuple | None:
        """First row of a query, fully fetched (an unfinished result blocks the next statement)."""
        rows = self.con.execute(sql, params or []).fetchall()
        return rows[0] if rows else None

    def count(self, table: str) -> int:
        return int(self._one(f"SELECT count(*) FROM {table}")[0])  # type: ignore[index]

    # -- articles and rejects --------------------------------------------------------------
    def add_rejects(self, rejects: Iterable[Reject]) -> int:
        rows = [{"input": r.input, "record": r.record, "reason": r.reason, "rejected_at": _now()} for r in rejects]
        self._insert("rejects", rows)
        return len(rows)

    def add_articles(self, articles: Iterable[Article]) -> IngestResult:
        """Store new articles; exact duplicates (same id or normalized body) are skipped, and
        near-duplicates (syndicated copies) are stored with ``near_duplicate_of`` set."""
        result = IngestResult()
        self.con.execute("BEGIN")
        try:
            self._add_articles(list(articles), result)
            self.con.execute("COMMIT")
        except Exception as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: storing articles failed: {exc}") from exc
        return result

    def _add_articles(self, articles: list[Article], result: IngestResult,
                      coded_at: str | None = None, coder_version: str | None = None) -> list[Article]:
        """Insert the new ones (inside the caller's transaction); return those inserted."""
        if not articles:
            return []
        hashes = [content_id(a.text) for a in articles]
        known = self.con.execute(
            "SELECT id, body_hash FROM articles WHERE id IN (SELECT unnest($1)) OR body_hash IN (SELECT unnest($2))",
            [[a.id for a in articles], hashes]).fetchall()
        seen_ids = {r[0] for r in known}
        seen_hashes = {r[1] for r in known}
        fresh: list[tuple[Article, str]] = []
        for art, h in zip(articles, hashes, strict=True):
            if art.id in seen_ids or h in seen_hashes:
                result.duplicates += 1
                continue
            seen_ids.add(art.id)
            seen_hashes.add(h)
            fresh.append((art, h))
        band_rows = self._link_near_duplicates([a for a, _ in fresh], result)
        now = _now()
        rows = []
        for art, h in fresh:
            row = art.to_dict()
            row.update(body_hash=h, ingested_at=now, coded_at=coded_at, coder_version=coder_version)
            rows.append(row)
        self._insert("articles", rows)
        self._insert("article_bands", band_rows)
        result.stored += len(rows)
        return [a for a, _ in fresh]

    def _link_near_duplicates(self, articles: list[Article], result: IngestResult) -> list[dict[str, Any]]:
        sigs = {a.id: minhash(a.text) for a in articles}
        bands = {a.id: lsh_bands(sigs[a.id]) for a in articles}
        pairs = sorted({pair for bs in bands.values() for pair in bs})
        stored: dict[tuple[int, int], set[str]] = {}
        if pairs:
            found = self.con.execute(
                "SELECT band, bucket, article_id FROM article_bands WHERE band IN (SELECT unnest($1)) "
                "AND bucket IN (SELECT unnest($2))",
                [sorted({p[0] for p in pairs}), sorted({p[1] for p in pairs})]).fetchall()
            for band, bucket, aid in found:
                stored.setdefault((band, bucket), set()).add(aid)
        texts: dict[str, str] = {}
        band_rows: list[dict[str, Any]] = []
        for art in articles:
            candidates = set().union(*(stored.get(p, set()) for p in bands[art.id])) - {art.id}
            best, best_sim = None, NEAR_DUPLICATE_JACCARD
            for cand in sorted(candidates):
                if cand not in sigs:
                    if cand not in texts:
                        row = self._one("SELECT text FROM articles WHERE id = ?", [cand])
                        texts[cand] = row[0] if row else ""
                    sigs[cand] = minhash(texts[cand])
                sim = estimate_jaccard(sigs[art.id], sigs[cand])
                if sim >= best_sim:
                    best, best_sim = cand, sim
            if best is not None:
                art.near_duplicate_of = best
                result.near_duplicates += 1
            for band, bucket in bands[art.id]:
                stored.setdefault((band, bucket), set()).add(art.id)
                band_rows.append({"band": band, "bucket": bucket, "article_id": art.id})
        return band_rows

    def article(self, article_id: str) -> Article | None:
        cur = self.con.execute("SELECT * FROM articles WHERE id = ?", [article_id])
        rows = cur.fetchall()
        row = rows[0] if rows else None
        if row is None:
            return None
        data = dict(zip([d[0] for d in cur.description], row, strict=True))
        if data.get("published") is not None:
            data["published"] = data["published"].isoformat()
        data["captions"] = data.get("captions") or []
        data["dropped"] = data.get("dropped") or []
        return Article.from_dict(data)

    # -- coded articles --------------------------------------------------------------------
    def add_coded(self, coded: Iterable[CodedArticle], dedup: bool = True) -> CodeResult:
        """Store what coding found, replacing each article's previous rows in one transaction.

        With ``dedup`` the new events join clusters incrementally (``assign_new``) and clusters that
        lost events to a re-coding are rebuilt, in the same transaction; bulk loads may pass False
        and call ``recluster()`` once at the end."""
        batch = list(coded)
        result = CodeResult()
        if not batch:
            return result
        version = next((e.coder_version for c in batch for e in c.events if e.coder_version), None)
        now = _now()
        self.con.execute("BEGIN")
        try:
            ids = [c.article.id for c in batch]
            existing = {r[0] for r in self.con.execute(
                "SELECT id FROM articles WHERE id IN (SELECT unnest($1))", [ids]).fetchall()}
            ingest = IngestResult()
            inserted = {a.id for a in self._add_articles(
                [c.article for c in batch if c.article.id not in existing], ingest, now, version)}
            keep = [c for c in batch if c.article.id in existing or c.article.id in inserted]
            result.duplicates = len(batch) - len(keep)
            # Only re-coded articles have rows to replace: new ones skip the scans of every derived
            # table (a per-batch cost, and cache pages, that would grow with the store).
            recoded = [c.article.id for c in keep if c.article.id in existing]
            old: list[tuple] = []
            if recoded:
                # Clusters that lose events when an article is re-coded must be rebuilt.
                old = self.con.execute("SELECT DISTINCT cluster_id FROM events "
                                       "WHERE doc_id IN (SELECT unnest($1))", [recoded]).fetchall()
                for table in _DERIVED:
                    self.con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest($1))", [recoded])
                self.con.execute("UPDATE articles SET coded_at = ?, coder_version = ? "
                                 "WHERE id IN (SELECT unnest(?))", [now, version, recoded])
            lost = {r[0] for r in old if r[0] is not None}
            rows: dict[str, list[dict[str, Any]]] = {t: [] for t in _DERIVED}
            for c in keep:
                _derived_rows(c, rows)
            for table in _DERIVED:
                self._insert(table, rows[table])
            if dedup:
                # Clusters that lost members are rebuilt whole; new events join clusters incrementally
                # (bounded work per batch, however busy the day: see docs/scale.md).
                if lost:
                    self.recluster((), clusters=lost)
                self.assign_new([r["event_id"] for r in rows["events"]])
            self.con.execute("COMMIT")
        except Exception as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: storing coded articles failed, previous rows kept: {exc}") from exc
        result.articles = len(keep)
        result.events = len(rows["events"])
        self._stored_since_open += len(batch)
        self._maybe_reopen()
        return result

    def _maybe_reopen(self) -> None:
        """Close and reopen a writing file store's connection every ``store_reopen_articles`` articles.

        A DuckDB connection keeps memory between statements that only closing it gives back: measured
        here, a writer's RSS grew by a tenth over 5,000 articles while DuckDB's own buffer pool stayed
        flat (a connection reopened every 1,000 articles stayed flat). Between transactions nothing is
        lost; an in-memory store is never reopened."""
        every = int(settings.get("store_reopen_articles"))
        if (not every or self.read_only or self._stored_since_open < every
                or self.path in ("", ":memory:") or self.path.startswith(":memory:")):
            return
        self.con.close()
        try:
            self.con = duckdb.connect(self.path)
        except duckdb.Error as exc:
            raise StoreError(f"cannot reopen store {self.path}: {exc}") from None
        self._writer_settings()
        self._stored_since_open = 0

    def load_parquet(self, directory: str | Path, dedup: bool = True) -> CodeResult:
        """Load what the Dask engine wrote (``articles/`` and ``events/`` Parquet parts) in one
        transaction; articles already stored keep their rows, their events are replaced."""
        base = Path(directory)
        parts = {t: str(base / t / "*.parquet") for t in ("articles", "events")}
        if not any((base / t).is_dir() and any((base / t).glob("*.parquet")) for t in parts):
            raise StoreError(f"{directory}: no articles/*.parquet or events/*.parquet to load")
        result = CodeResult()
        self.con.execute("BEGIN")
        try:
            self.con.execute(f"CREATE TEMP TABLE _ew_a AS SELECT * FROM read_parquet('{parts['articles']}')")
            self.con.execute(f"CREATE TEMP TABLE _ew_e AS SELECT * FROM read_parquet('{parts['events']}')")
            self.con.execute("DELETE FROM events WHERE doc_id IN (SELECT id FROM _ew_a)")
            result.articles = self.con.execute(
                "INSERT INTO articles SELECT * FROM _ew_a WHERE id NOT IN (SELECT id FROM articles) "
                "AND body_hash NOT IN (SELECT body_hash FROM articles)").fetchall()[0][0]
            result.events = self.con.execute(
                "INSERT INTO events SELECT * FROM _ew_e WHERE doc_id IN (SELECT id FROM articles)").fetchall()[0][0]
            blocks = set(self.con.execute("SELECT DISTINCT source, target, root FROM _ew_e").fetchall())
            self.con.execute("DROP TABLE _ew_a")
            self.con.execute("DROP TABLE _ew_e")
            if dedup and blocks:
                self.recluster(blocks)
            self.con.execute("COMMIT")
        except Exception as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: loading {directory} failed, nothing changed: {exc}") from exc
        return result

    def export(self, fmt: str, out: str | Path, **filters: Any) -> int:
        """Write events as parquet (month partitions), csv or gdelt (GDELT 2.0 event columns)."""
        from .export import export_events
        from .queries import EventFilter

        filters.setdefault("include_negated", True)
        return export_events(self.con, fmt, out, EventFilter(**filters))

    def events_list(self, where: str = "", params: Sequence[Any] | None = None) -> list[Event]:
        """Events as records (``where`` is an SQL condition over the events table)."""
        cur = self.con.execute(f"SELECT * FROM events {('WHERE ' + where) if where else ''} "
                               "ORDER BY doc_id, sentence_index, event_id", params or [])
        names = [d[0] for d in cur.description]
        return [event_from_row(dict(zip(names, r, strict=True))) for r in cur.fetchall()]


def _derived_rows(c: CodedArticle, rows: dict[str, list[dict[str, Any]]]) -> None:
    doc_id = c.article.id
    text = c.article.text
    for i, (s, e) in enumerate(c.sentences):
        rows["sentences"].append({"doc_id": doc_id, "sentence_index": i, "start": s, "end": e, "text": text[s:e]})
    for table, items in (("actor_mentions", c.actors), ("quotes", c.quotes),
                         ("time_expressions", c.times), ("places", c.places)):
        for item in items:
            row = item.to_dict()
            row["doc_id"] = doc_id
            rows[table].append(row)
    for ev in c.events:
        row = event_row(ev)
        row["is_representative"] = True  # until clustering says otherwise
        rows["events"].append(row)


_LOCATION_KEYS = ("name", "lat", "lon", "country", "kind")


def event_row(ev: Event) -> dict[str, Any]:
    """The flat row form of an Event (location spread into columns, evidence as JSON)."""
    row = ev.to_dict()
    loc = row.pop("location") or {}
    for key in _LOCATION_KEYS:
        row[f"location_{key}"] = loc.get(key)
    row["evidence"] = json.dumps(row["evidence"] or {})
    return row


def event_from_row(row: dict[str, Any]) -> Event:
    data = dict(row)
    loc = {key: data.pop(f"location_{key}", None) for key in _LOCATION_KEYS}
    data["location"] = loc if loc["name"] is not None or loc["lat"] is not None else None
    data["evidence"] = json.loads(data["evidence"]) if data.get("evidence") else {}
    data["reported_by"] = data.get("reported_by") or []
    for key in ("date", "date_end"):
        if data.get(key) is not None and not isinstance(data[key], str):
            data[key] = data[key].isoformat()
    names = {f.name for f in fields(Event)}
    return Event(**{k: v for k, v in data.items() if k in names})


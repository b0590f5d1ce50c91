-- eventwire store, schema version 1. Created and migrated by eventwire.store; see docs/schema.md.
CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR
);

CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    body_hash VARCHAR NOT NULL,          -- content_id of the normalized body: exact duplicates
    url VARCHAR,
    outlet VARCHAR,
    published DATE,
    section VARCHAR,
    headline VARCHAR,
    byline VARCHAR,
    dateline VARCHAR,
    captions VARCHAR[],
    text VARCHAR,
    language VARCHAR,
    source_format VARCHAR,
    source_path VARCHAR,
    dropped VARCHAR[],
    near_duplicate_of VARCHAR,           -- the stored article this is a syndicated copy of
    ingested_at TIMESTAMP,
    coded_at TIMESTAMP,
    coder_version VARCHAR
);

-- MinHash LSH bands of each article body, to find near-duplicates at ingest.
CREATE TABLE IF NOT EXISTS article_bands (
    band SMALLINT,
    bucket UBIGINT,
    article_id VARCHAR
);

CREATE TABLE IF NOT EXISTS rejects (
    input VARCHAR,
    record VARCHAR,
    reason VARCHAR,
    rejected_at TIMESTAMP
);

CREATE TABLE IF NOT EXISTS sentences (
    doc_id VARCHAR,
    sentence_index INTEGER,
    start INTEGER,
    "end" INTEGER,
    text VARCHAR
);

CREATE TABLE IF NOT EXISTS actor_mentions (
    doc_id VARCHAR,
    start INTEGER,
    "end" INTEGER,
    text VARCHAR,
    code VARCHAR,
    country VARCHAR,
    sectors VARCHAR[],
    name VARCHAR,
    kind VARCHAR,
    resolved_from INTEGER,
    sentence_index INTEGER,
    via VARCHAR
);

CREATE TABLE IF NOT EXISTS quotes (
    doc_id VARCHAR,
    start INTEGER,
    "end" INTEGER,
    content VARCHAR,
    content_start INTEGER,
    content_end INTEGER,
    kind VARCHAR,
    speaker VARCHAR,
    speaker_code VARCHAR,
    speaker_start INTEGER,
    speaker_end INTEGER,
    cue VARCHAR,
    chain VARCHAR[],
    sentence_index INTEGER
);

CREATE TABLE IF NOT EXISTS time_expressions (
    doc_id VARCHAR,
    start INTEGER,
    "end" INTEGER,
    text VARCHAR,
    type VARCHAR,
    value VARCHAR,
    mod VARCHAR,
    value_end VARCHAR,
    precision VARCHAR,
    sentence_index INTEGER
);

CREATE TABLE IF NOT EXISTS places (
    doc_id VARCHAR,
    start INTEGER,
    "end" INTEGER,
    text VARCHAR,
    name VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    country VARCHAR,
    kind VARCHAR,
    feature VARCHAR,
    geonameid BIGINT,
    sentence_index INTEGER
);

CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR,
    doc_id VARCHAR,
    sentence_index INTEGER,
    sentence VARCHAR,
    sentence_start INTEGER,
    source VARCHAR,
    source_name VARCHAR,
    target VARCHAR,
    target_name VARCHAR,
    code VARCHAR,
    root VARCHAR,
    cameo_name VARCHAR,
    plover VARCHAR,
    plover_mode VARCHAR,
    quad_class TINYINT,
    goldstein DOUBLE,
    modality VARCHAR,
    negated BOOLEAN,
    reported_by VARCHAR[],
    date DATE,
    date_end DATE,
    date_precision VARCHAR,
    date_source VARCHAR,
    location_name VARCHAR,
    location_lat DOUBLE,
    location_lon DOUBLE,
    location_country VARCHAR,
    location_kind VARCHAR,
    evidence VARCHAR,                    -- JSON: {"source": [s, e], "target": [s, e], "trigger": [s, e]}
    pattern VARCHAR,
    confidence DOUBLE,
    coder_version VARCHAR,
    cluster_id VARCHAR,                  -- event_clusters.cluster_id once deduplicated
    is_representative BOOLEAN            -- true for one event per cluster (and for unclustered events)
);

CREATE TABLE IF NOT EXISTS event_clusters (
    cluster_id VARCHAR PRIMARY KEY,
    source VARCHAR,
    target VARCHAR,
    root VARCHAR,
    plover VARCHAR,
    date DATE,                           -- earliest event date in the cluster
    date_last DATE,
    first_seen DATE,                     -- earliest publication date
    last_seen DATE,
    n_mentions INTEGER,
    n_articles INTEGER,
    n_outlets INTEGER,
    representative_event_id VARCHAR
);

-- No secondary indexes: DuckDB's column scans with zone maps serve these lookups, and ART indexes
-- would live in memory and grow with the file (a long coding run must stay in constant memory).

-- Views for analysts: asserted, non-negated events with their article's outlet and url.
CREATE OR REPLACE VIEW coded_events AS
    SELECT e.*, a.outlet, a.url, a.published, a.headline
    FROM events e LEFT JOIN articles a ON a.id = e.doc_id;

CREATE OR REPLACE VIEW asserted_events AS
    SELECT * FROM coded_events WHERE modality = 'asserted' AND NOT negated;

CREATE OR REPLACE VIEW dyad_counts AS
    SELECT substr(source, 1, 3) AS source_country, substr(target, 1, 3) AS target_country,
           quad_class, count(*) AS n_events, avg(goldstein) AS mean_goldstein
    FROM asserted_events WHERE target IS NOT NULL
    GROUP BY ALL;

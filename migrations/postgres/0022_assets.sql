-- The asset library: sales decks, case studies, playbooks, datasheets,
-- logos and video links, with what partners may see each (partner types,
-- tiers, expiry), their files (behind one storage interface; here, in the
-- database), a full-text index, and who viewed and downloaded what.
-- And the FAQ the program admin edits, searched by the help box.

CREATE TABLE assets (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    kind TEXT NOT NULL,
    use_case TEXT NOT NULL,
    industry TEXT NOT NULL,
    product TEXT NOT NULL,
    language TEXT NOT NULL,
    -- Comma lists; empty means every partner type / every tier.
    partner_types TEXT NOT NULL DEFAULT '',
    tiers TEXT NOT NULL DEFAULT '',
    expires_at BIGINT,
    -- A file (sniffed type, size, hash) or a video link, never both;
    -- neither while its author has not uploaded the file yet (partners
    -- see only assets with one).
    file_name TEXT,
    media_type TEXT,
    byte_size BIGINT,
    sha256 TEXT,
    video_url TEXT,
    -- Text found in the file, searched with the title and description.
    extracted_text TEXT NOT NULL DEFAULT '',
    created_by TEXT REFERENCES people (id),
    created_at BIGINT NOT NULL,
    archived_at BIGINT,
    CHECK (file_name IS NULL OR video_url IS NULL)
);
CREATE INDEX assets_created ON assets (created_at);

-- A lesson may hand out a document of the library.
ALTER TABLE lessons ADD COLUMN asset_id TEXT REFERENCES assets (id);
-- The full-text index: queries repeat this expression exactly
-- (db/dialect.rs), so the planner uses it.
CREATE INDEX assets_search ON assets USING GIN (
    to_tsvector('simple', title || ' ' || description || ' ' || extracted_text)
);

CREATE TABLE asset_blobs (
    key TEXT PRIMARY KEY,
    bytes BYTEA NOT NULL
);

CREATE TABLE asset_events (
    asset_id TEXT NOT NULL REFERENCES assets (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    person_id TEXT NOT NULL REFERENCES people (id),
    kind TEXT NOT NULL CHECK (kind IN ('view', 'download')),
    at BIGINT NOT NULL
);
CREATE INDEX asset_events_asset ON asset_events (asset_id, kind);
CREATE INDEX asset_events_organisation ON asset_events (organisation_id, at);

CREATE TABLE faq_entries (
    id TEXT PRIMARY KEY,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    position BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

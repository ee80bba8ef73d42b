-- The asset library: sales decks, case studies, playbooks, datasheets,
-- logos and video links, with what partners may see each (partner types,
-- tiers, expiry), their files (behind one storage interface; here, in the
-- database), a full-text index, and who viewed and downloaded what.
-- And the FAQ the program admin edits, searched by the help box.

CREATE TABLE assets (
    -- The full-text index's key (a rowid alias: it never changes).
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
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
-- Facet counts read this index alone, in its order.
CREATE INDEX assets_facets ON assets (kind, use_case, industry, product, language, archived_at,
    expires_at, partner_types, tiers, file_name, video_url);

-- A lesson may hand out a document of the library.
ALTER TABLE lessons ADD COLUMN asset_id TEXT REFERENCES assets (id);

CREATE TABLE asset_blobs (
    key TEXT PRIMARY KEY,
    bytes BLOB NOT NULL
);

-- The full-text index reads its text from `assets` (no second copy).
CREATE VIRTUAL TABLE assets_fts USING fts5 (
    title, description, extracted_text,
    content = 'assets', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER assets_fts_insert AFTER INSERT ON assets BEGIN
    INSERT INTO assets_fts (rowid, title, description, extracted_text)
    VALUES (new.seq, new.title, new.description, new.extracted_text);
END;
CREATE TRIGGER assets_fts_update AFTER UPDATE OF title, description, extracted_text ON assets BEGIN
    INSERT INTO assets_fts (assets_fts, rowid, title, description, extracted_text)
    VALUES ('delete', old.seq, old.title, old.description, old.extracted_text);
    INSERT INTO assets_fts (rowid, title, description, extracted_text)
    VALUES (new.seq, new.title, new.description, new.extracted_text);
END;
CREATE TRIGGER assets_fts_delete AFTER DELETE ON assets BEGIN
    INSERT INTO assets_fts (assets_fts, rowid, title, description, extracted_text)
    VALUES ('delete', old.seq, old.title, old.description, old.extracted_text);
END;

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

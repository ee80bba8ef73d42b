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

-- Facet counts read this index alone, in its order.
CREATE INDEX assets_facets ON assets (kind, use_case, industry, product, language, archived_at,
    expires_at, partner_types, tiers, file_name, video_url);

-- The full-text index: each asset's words as a stored tsvector (ranking
-- reads it instead of parsing the text again), kept by a trigger.
CREATE TABLE assets_fts (
    asset_id TEXT PRIMARY KEY REFERENCES assets (id),
    document tsvector NOT NULL
);
CREATE INDEX assets_fts_document ON assets_fts USING GIN (document);
CREATE FUNCTION assets_fts_sync() RETURNS trigger AS $$
BEGIN
    INSERT INTO assets_fts (asset_id, document)
    VALUES (NEW.id, to_tsvector('simple', NEW.title || ' ' || NEW.description || ' ' || NEW.extracted_text))
    ON CONFLICT (asset_id) DO UPDATE SET document = excluded.document;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER assets_fts_sync AFTER INSERT OR UPDATE OF title, description, extracted_text
    ON assets FOR EACH ROW EXECUTE FUNCTION assets_fts_sync();

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

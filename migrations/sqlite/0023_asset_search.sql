-- Asset search in one index intersection: the full-text index also holds
-- each asset's facets and audience as terms ("=kind=playbook",
-- "=type=var", "=tier=<id without dashes>", "=content", "=live"), so words,
-- facets and who may see it are matched together however many assets
-- share a word. A search word (letters and digits) can never be read as,
-- nor be the prefix of, one of these terms, which start with "=".
DROP TRIGGER assets_fts_insert;
DROP TRIGGER assets_fts_update;
DROP TRIGGER assets_fts_delete;
DROP TABLE assets_fts;

ALTER TABLE assets ADD COLUMN terms TEXT GENERATED ALWAYS AS (
    '=kind=' || kind || ' =use=' || use_case || ' =industry=' || industry
    || ' =product=' || product || ' =language=' || language
    || CASE WHEN partner_types = '' THEN ' =type=all'
       ELSE ' =type=' || replace(partner_types, ',', ' =type=') END
    || CASE WHEN tiers = '' THEN ' =tier=all'
       ELSE ' =tier=' || replace(replace(tiers, '-', ''), ',', ' =tier=') END
    || CASE WHEN file_name IS NOT NULL OR video_url IS NOT NULL THEN ' =content' ELSE '' END
    || CASE WHEN archived_at IS NULL THEN ' =live' ELSE '' END
) VIRTUAL;

CREATE VIRTUAL TABLE assets_fts USING fts5 (
    title, description, extracted_text, terms,
    content = 'assets', content_rowid = 'seq',
    tokenize = "unicode61 remove_diacritics 0 tokenchars '=_'"
);
CREATE TRIGGER assets_fts_insert AFTER INSERT ON assets BEGIN
    INSERT INTO assets_fts (rowid, title, description, extracted_text, terms)
    VALUES (new.seq, new.title, new.description, new.extracted_text, new.terms);
END;
CREATE TRIGGER assets_fts_update AFTER UPDATE OF title, description, extracted_text, kind,
    use_case, industry, product, language, partner_types, tiers, file_name, video_url,
    archived_at ON assets BEGIN
    INSERT INTO assets_fts (assets_fts, rowid, title, description, extracted_text, terms)
    VALUES ('delete', old.seq, old.title, old.description, old.extracted_text, old.terms);
    INSERT INTO assets_fts (rowid, title, description, extracted_text, terms)
    VALUES (new.seq, new.title, new.description, new.extracted_text, new.terms);
END;
CREATE TRIGGER assets_fts_delete AFTER DELETE ON assets BEGIN
    INSERT INTO assets_fts (assets_fts, rowid, title, description, extracted_text, terms)
    VALUES ('delete', old.seq, old.title, old.description, old.extracted_text, old.terms);
END;
INSERT INTO assets_fts (assets_fts) VALUES ('rebuild');

-- Browsing with no words counts facets from this table, kept by triggers:
-- how many unarchived assets share each combination of facets and
-- audience (0 in `expires_at`: never expires). A few thousand rows where
-- `assets` has tens of thousands.
CREATE TABLE asset_facet_counts (
    kind TEXT NOT NULL,
    use_case TEXT NOT NULL,
    industry TEXT NOT NULL,
    product TEXT NOT NULL,
    language TEXT NOT NULL,
    partner_types TEXT NOT NULL,
    tiers TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    has_content INTEGER NOT NULL,
    n BIGINT NOT NULL CHECK (n >= 0),
    PRIMARY KEY (kind, use_case, industry, product, language, partner_types, tiers, expires_at,
        has_content)
);
INSERT INTO asset_facet_counts
SELECT kind, use_case, industry, product, language, partner_types, tiers,
    COALESCE(expires_at, 0), file_name IS NOT NULL OR video_url IS NOT NULL, COUNT(*)
FROM assets WHERE archived_at IS NULL
GROUP BY kind, use_case, industry, product, language, partner_types, tiers,
    COALESCE(expires_at, 0), file_name IS NOT NULL OR video_url IS NOT NULL;

CREATE TRIGGER asset_counts_insert AFTER INSERT ON assets WHEN new.archived_at IS NULL BEGIN
    INSERT INTO asset_facet_counts VALUES (new.kind, new.use_case, new.industry, new.product,
        new.language, new.partner_types, new.tiers, COALESCE(new.expires_at, 0),
        new.file_name IS NOT NULL OR new.video_url IS NOT NULL, 1)
    ON CONFLICT (kind, use_case, industry, product, language, partner_types, tiers, expires_at,
        has_content) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER asset_counts_delete AFTER DELETE ON assets WHEN old.archived_at IS NULL BEGIN
    UPDATE asset_facet_counts SET n = n - 1
    WHERE kind = old.kind AND use_case = old.use_case AND industry = old.industry
        AND product = old.product AND language = old.language
        AND partner_types = old.partner_types AND tiers = old.tiers
        AND expires_at = COALESCE(old.expires_at, 0)
        AND has_content = (old.file_name IS NOT NULL OR old.video_url IS NOT NULL);
END;
CREATE TRIGGER asset_counts_update_old AFTER UPDATE OF kind, use_case, industry, product,
    language, partner_types, tiers, expires_at, file_name, video_url, archived_at ON assets
    WHEN old.archived_at IS NULL BEGIN
    UPDATE asset_facet_counts SET n = n - 1
    WHERE kind = old.kind AND use_case = old.use_case AND industry = old.industry
        AND product = old.product AND language = old.language
        AND partner_types = old.partner_types AND tiers = old.tiers
        AND expires_at = COALESCE(old.expires_at, 0)
        AND has_content = (old.file_name IS NOT NULL OR old.video_url IS NOT NULL);
END;
CREATE TRIGGER asset_counts_update_new AFTER UPDATE OF kind, use_case, industry, product,
    language, partner_types, tiers, expires_at, file_name, video_url, archived_at ON assets
    WHEN new.archived_at IS NULL BEGIN
    INSERT INTO asset_facet_counts VALUES (new.kind, new.use_case, new.industry, new.product,
        new.language, new.partner_types, new.tiers, COALESCE(new.expires_at, 0),
        new.file_name IS NOT NULL OR new.video_url IS NOT NULL, 1)
    ON CONFLICT (kind, use_case, industry, product, language, partner_types, tiers, expires_at,
        has_content) DO UPDATE SET n = n + 1;
END;

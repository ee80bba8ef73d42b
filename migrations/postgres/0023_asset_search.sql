-- Asset search in one index intersection: each asset's words and, as
-- terms, its facets and audience ("=kind=playbook", "=type=var",
-- "=tier=<id without dashes>", "=content", "=live") in one stored tsvector
-- on `assets` itself with a GIN index, so words, facets and who may see it
-- are matched together however many assets share a word (the separate
-- table joined by id read every visible asset for a common word). A
-- search word (letters and digits) can never be, nor be the prefix of,
-- one of these terms, which start with "=".
DROP TRIGGER assets_fts_sync ON assets;
DROP FUNCTION assets_fts_sync();
DROP TABLE assets_fts;
ALTER TABLE assets ADD COLUMN document tsvector GENERATED ALWAYS AS (
    to_tsvector('simple', title || ' ' || description || ' ' || extracted_text)
    || array_to_tsvector(ARRAY[
        '=kind=' || kind, '=use=' || use_case, '=industry=' || industry,
        '=product=' || product, '=language=' || language,
        CASE WHEN file_name IS NOT NULL OR video_url IS NOT NULL THEN '=content' ELSE '=empty' END,
        CASE WHEN archived_at IS NULL THEN '=live' ELSE '=archived' END]
        || CASE WHEN partner_types = '' THEN ARRAY['=type=all']
           ELSE string_to_array('=type=' || replace(partner_types, ',', ',=type='), ',') END
        || CASE WHEN tiers = '' THEN ARRAY['=tier=all']
           ELSE string_to_array('=tier=' || replace(replace(tiers, '-', ''), ',', ',=tier='), ',') END)
) STORED;
CREATE INDEX assets_document ON assets USING GIN (document);

-- Browsing with no words counts facets from this table, kept by a
-- trigger: how many unarchived assets share each combination of facets
-- and audience (0 in `expires_at`: never expires). A few thousand rows
-- where `assets` has tens of thousands.
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
    COALESCE(expires_at, 0),
    CASE WHEN file_name IS NOT NULL OR video_url IS NOT NULL THEN 1 ELSE 0 END, COUNT(*)
FROM assets WHERE archived_at IS NULL
GROUP BY kind, use_case, industry, product, language, partner_types, tiers,
    COALESCE(expires_at, 0),
    CASE WHEN file_name IS NOT NULL OR video_url IS NOT NULL THEN 1 ELSE 0 END;

CREATE FUNCTION asset_counts_sync() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.archived_at IS NULL THEN
        UPDATE asset_facet_counts SET n = n - 1
        WHERE kind = OLD.kind AND use_case = OLD.use_case AND industry = OLD.industry
            AND product = OLD.product AND language = OLD.language
            AND partner_types = OLD.partner_types AND tiers = OLD.tiers
            AND expires_at = COALESCE(OLD.expires_at, 0)
            AND has_content = CASE WHEN OLD.file_name IS NOT NULL OR OLD.video_url IS NOT NULL
                THEN 1 ELSE 0 END;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.archived_at IS NULL THEN
        INSERT INTO asset_facet_counts VALUES (NEW.kind, NEW.use_case, NEW.industry,
            NEW.product, NEW.language, NEW.partner_types, NEW.tiers,
            COALESCE(NEW.expires_at, 0),
            CASE WHEN NEW.file_name IS NOT NULL OR NEW.video_url IS NOT NULL THEN 1 ELSE 0 END, 1)
        ON CONFLICT (kind, use_case, industry, product, language, partner_types, tiers,
            expires_at, has_content) DO UPDATE SET n = asset_facet_counts.n + 1;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER asset_counts_sync AFTER INSERT OR DELETE OR UPDATE OF kind, use_case, industry,
    product, language, partner_types, tiers, expires_at, file_name, video_url, archived_at
    ON assets FOR EACH ROW EXECUTE FUNCTION asset_counts_sync();

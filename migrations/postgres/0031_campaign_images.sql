-- Images vendor marketers upload for a template's image blocks: served
-- publicly (emails and landing pages show them) from /campaign-images/<id>,
-- their bytes kept in the asset store (`asset_blobs`, key
-- `campaign-image:<id>`), their kind read from the bytes.
CREATE TABLE campaign_images (
    id TEXT PRIMARY KEY,
    template_id TEXT NOT NULL REFERENCES campaign_templates (id),
    name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    uploaded_by TEXT REFERENCES people (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX campaign_images_template ON campaign_images (template_id, created_at);

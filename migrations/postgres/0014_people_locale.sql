-- The language a person reads Trellis in: pages (with the cookie) and the
-- emails sent to them. 'en' or 'de'.
ALTER TABLE people ADD COLUMN locale TEXT NOT NULL DEFAULT 'en';

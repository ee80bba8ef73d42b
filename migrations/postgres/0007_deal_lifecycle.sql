-- Protection warnings (14 and 3 days before expiry, each sent once) and
-- the program's published rules of engagement.
ALTER TABLE deals ADD COLUMN warned_14_at BIGINT;
ALTER TABLE deals ADD COLUMN warned_3_at BIGINT;
CREATE INDEX deals_protection ON deals (status, protected_until);

ALTER TABLE program_settings ADD COLUMN rules_of_engagement TEXT NOT NULL DEFAULT '';

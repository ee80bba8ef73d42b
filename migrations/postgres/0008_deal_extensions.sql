-- A partner may ask to extend an approved registration's protection; the
-- request waits for a channel manager.
ALTER TABLE deals ADD COLUMN extension_requested_at BIGINT;
ALTER TABLE deals ADD COLUMN extension_reason TEXT;

-- A vendor marketer's review of a campaign that waits for approval (a
-- partner reworded a template that asks for it): approved campaigns go
-- live; a returned one stays off the web, with the reason its partner
-- reads, and the partner launches again with new wording.
ALTER TABLE campaigns ADD COLUMN reviewed_by TEXT REFERENCES people (id);
ALTER TABLE campaigns ADD COLUMN reviewed_at BIGINT;
ALTER TABLE campaigns ADD COLUMN review_note TEXT;

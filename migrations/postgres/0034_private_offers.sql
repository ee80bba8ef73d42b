-- Cloud-marketplace private offers: a partner asks for one from a deal's
-- page; the channel manager records the marketplace's offer (its id,
-- amount and expiry) and where it stands. An accepted offer wins the
-- deal, as revenue through the marketplace.
CREATE TABLE private_offers (
    id TEXT PRIMARY KEY,
    deal_id TEXT NOT NULL REFERENCES deals (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    marketplace TEXT NOT NULL CHECK (marketplace IN ('aws', 'azure', 'gcp')),
    status TEXT NOT NULL CHECK (status IN ('requested', 'extended', 'accepted', 'expired')),
    offer_ref TEXT,
    amount_minor BIGINT CHECK (amount_minor IS NULL OR amount_minor > 0),
    currency TEXT CHECK (currency IS NULL OR currency IN ('USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY', 'BRL', 'INR')),
    expires_on TEXT,
    note TEXT NOT NULL,
    requested_by TEXT NOT NULL REFERENCES people (id),
    requested_at BIGINT NOT NULL,
    updated_by TEXT REFERENCES people (id),
    updated_at BIGINT NOT NULL
);
CREATE INDEX private_offers_deal ON private_offers (deal_id, requested_at);
CREATE INDEX private_offers_status ON private_offers (status, organisation_id);

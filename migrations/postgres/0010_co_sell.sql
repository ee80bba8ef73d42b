-- Co-selling: partners the vendor adds to a registration besides the one
-- that registered it (whose role stays in deals.partner_role), and the dated
-- touchpoints each partner records on the deal: the input to attribution.
CREATE TABLE deal_partners (
    deal_id TEXT NOT NULL REFERENCES deals (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    role TEXT NOT NULL
        CHECK (role IN ('sourced', 'reseller', 'si', 'influence', 'referral')),
    added_by TEXT NOT NULL REFERENCES people (id),
    added_at BIGINT NOT NULL,
    PRIMARY KEY (deal_id, organisation_id)
);

CREATE INDEX deal_partners_organisation ON deal_partners (organisation_id, deal_id);

CREATE TABLE deal_touchpoints (
    id TEXT PRIMARY KEY,
    deal_id TEXT NOT NULL REFERENCES deals (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    kind TEXT NOT NULL CHECK (kind IN ('referral', 'demo', 'poc', 'implementation')),
    happened_on TEXT NOT NULL,
    note TEXT,
    recorded_by TEXT NOT NULL REFERENCES people (id),
    recorded_at BIGINT NOT NULL
);

CREATE INDEX deal_touchpoints_deal ON deal_touchpoints (deal_id, happened_on);

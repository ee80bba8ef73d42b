-- Leads vendor staff imported from a CSV file: what each import did, row
-- by row, kept for the page that reports it.
CREATE TABLE lead_imports (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    created_by TEXT NOT NULL REFERENCES people (id),
    file_name TEXT NOT NULL,
    -- The report (JSON): leads kept, routed, refused rows with why.
    report TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX lead_imports_organisation ON lead_imports (organisation_id, created_at);

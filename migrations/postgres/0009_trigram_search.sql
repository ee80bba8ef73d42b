-- Fuzzy search of customer names backed by an index: pg_trgm GIN indexes on
-- the company keys of name claims and direct accounts, so a misspelt name is
-- found among a million registrations without reading them all.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX deal_claims_name_trigrams ON deal_claims
    USING gin ((substr(customer_key, 6)) gin_trgm_ops)
    WHERE customer_key LIKE 'name:%';

CREATE INDEX direct_accounts_company_trigrams ON direct_accounts
    USING gin (company_key gin_trgm_ops);

-- Misspelt customer names are found by two range scans of B-tree indexes:
-- on the key from its start (the primary key) and on the key written
-- backwards (here), so a typo anywhere leaves one of the two intact.
ALTER TABLE deal_claims ADD COLUMN reverse_key TEXT;
ALTER TABLE direct_accounts ADD COLUMN reverse_key TEXT;

UPDATE deal_claims SET reverse_key = (
    WITH RECURSIVE backwards (i, out) AS (
        SELECT length(deal_claims.customer_key), ''
        UNION ALL
        SELECT i - 1, out || substr(deal_claims.customer_key, i, 1) FROM backwards WHERE i > 5
    )
    SELECT out FROM backwards WHERE i = 5
)
WHERE customer_key LIKE 'name:%';

UPDATE direct_accounts SET reverse_key = (
    WITH RECURSIVE backwards (i, out) AS (
        SELECT length(direct_accounts.company_key), ''
        UNION ALL
        SELECT i - 1, out || substr(direct_accounts.company_key, i, 1) FROM backwards WHERE i > 0
    )
    SELECT out FROM backwards WHERE i = 0
);

CREATE INDEX deal_claims_reverse ON deal_claims (reverse_key) WHERE reverse_key IS NOT NULL;
CREATE INDEX direct_accounts_reverse ON direct_accounts (reverse_key);

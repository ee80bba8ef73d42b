-- Secrets the app servers share: every server signs and checks the same
-- way, so a link one server signed is accepted by the next (behind a load
-- balancer). Created at first use by whichever server comes first.
CREATE TABLE signing_keys (
    name TEXT PRIMARY KEY,
    secret TEXT NOT NULL
);

-- One row per lock key (`matching::lock_keys`): registering a customer
-- takes its keys' rows, so two registrations of names the conflict check
-- calls the same customer are made one after the other, and the second
-- sees the first's claim.
CREATE TABLE claim_locks (
    lock_key TEXT PRIMARY KEY,
    taken BIGINT NOT NULL DEFAULT 0
);

-- Names that abbreviate each other share their short key (each word cut to
-- four letters, `matching::short_key`): one index lookup finds a held name
-- whichever of the two was registered first.
ALTER TABLE deal_claims ADD COLUMN short_key TEXT;
ALTER TABLE direct_accounts ADD COLUMN short_key TEXT;

UPDATE deal_claims SET short_key = (
    WITH RECURSIVE walk (i, run, out) AS (
        SELECT 6, 0, ''
        UNION ALL
        SELECT i + 1,
            CASE WHEN substr(deal_claims.customer_key, i, 1) = ' ' THEN 0 ELSE run + 1 END,
            out || CASE WHEN substr(deal_claims.customer_key, i, 1) = ' ' OR run < 4
                THEN substr(deal_claims.customer_key, i, 1) ELSE '' END
        FROM walk WHERE i <= length(deal_claims.customer_key)
    )
    SELECT out FROM walk WHERE i = length(deal_claims.customer_key) + 1
)
WHERE customer_key LIKE 'name:%';

UPDATE direct_accounts SET short_key = (
    WITH RECURSIVE walk (i, run, out) AS (
        SELECT 1, 0, ''
        UNION ALL
        SELECT i + 1,
            CASE WHEN substr(direct_accounts.company_key, i, 1) = ' ' THEN 0 ELSE run + 1 END,
            out || CASE WHEN substr(direct_accounts.company_key, i, 1) = ' ' OR run < 4
                THEN substr(direct_accounts.company_key, i, 1) ELSE '' END
        FROM walk WHERE i <= length(direct_accounts.company_key)
    )
    SELECT out FROM walk WHERE i = length(direct_accounts.company_key) + 1
);

CREATE INDEX deal_claims_short ON deal_claims (short_key) WHERE short_key IS NOT NULL;
CREATE INDEX direct_accounts_short ON direct_accounts (short_key);

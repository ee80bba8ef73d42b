-- Fuzzy search of customer names backed by an index: an FTS5 table with the
-- trigram tokenizer holds the company key of every name claim and every
-- direct account, kept in step by triggers, so a misspelt name is found
-- among a million registrations without reading them all. Keys shorter than
-- three letters have no trigram and are only ever matched exactly.
CREATE VIRTUAL TABLE customer_names USING fts5 (
    name,
    ref UNINDEXED,
    tokenize = 'trigram'
);

INSERT INTO customer_names (name, ref)
SELECT substr(customer_key, 6), customer_key FROM deal_claims
WHERE customer_key LIKE 'name:%' AND length(customer_key) >= 8;

INSERT INTO customer_names (name, ref)
SELECT company_key, 'account:' || id FROM direct_accounts WHERE length(company_key) >= 3;

CREATE TRIGGER deal_claims_names_insert AFTER INSERT ON deal_claims
WHEN new.customer_key LIKE 'name:%' AND length(new.customer_key) >= 8
BEGIN
    INSERT INTO customer_names (name, ref) VALUES (substr(new.customer_key, 6), new.customer_key);
END;

CREATE TRIGGER deal_claims_names_delete AFTER DELETE ON deal_claims
WHEN old.customer_key LIKE 'name:%' AND length(old.customer_key) >= 8
BEGIN
    DELETE FROM customer_names WHERE rowid IN (
        SELECT rowid FROM customer_names
        WHERE customer_names MATCH '"' || substr(old.customer_key, 6) || '"'
          AND ref = old.customer_key
    );
END;

CREATE TRIGGER direct_accounts_names_insert AFTER INSERT ON direct_accounts
WHEN length(new.company_key) >= 3
BEGIN
    INSERT INTO customer_names (name, ref) VALUES (new.company_key, 'account:' || new.id);
END;

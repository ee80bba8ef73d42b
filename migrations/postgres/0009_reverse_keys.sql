-- Misspelt customer names are found by two range scans of B-tree indexes:
-- on the key from its start (the primary key) and on the key written
-- backwards (here), so a typo anywhere leaves one of the two intact.
ALTER TABLE deal_claims ADD COLUMN reverse_key TEXT COLLATE "C";
ALTER TABLE direct_accounts ADD COLUMN reverse_key TEXT COLLATE "C";

UPDATE deal_claims SET reverse_key = reverse(substr(customer_key, 6))
WHERE customer_key LIKE 'name:%';
UPDATE direct_accounts SET reverse_key = reverse(company_key);

CREATE INDEX deal_claims_reverse ON deal_claims (reverse_key) WHERE reverse_key IS NOT NULL;
CREATE INDEX direct_accounts_reverse ON direct_accounts (reverse_key);

-- A name one typo away is one letter longer, shorter or as long: the
-- probes for misspelt names scan these indexes, length first, so a common
-- first or last half does not crowd the right name out of the scan.
DROP INDEX deal_claims_reverse;
CREATE INDEX deal_claims_forward ON deal_claims (length(customer_key), customer_key);
CREATE INDEX deal_claims_reverse ON deal_claims (length(reverse_key), reverse_key)
INCLUDE (customer_key) WHERE reverse_key IS NOT NULL;
DROP INDEX direct_accounts_reverse;
CREATE INDEX direct_accounts_forward ON direct_accounts (length(company_key), company_key);
CREATE INDEX direct_accounts_reverse ON direct_accounts (length(reverse_key), reverse_key);

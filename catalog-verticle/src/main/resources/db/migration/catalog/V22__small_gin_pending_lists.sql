-- A GIN index collects new entries in a pending list and merges them in batches; every search has
-- to read the whole list. Placing an order updates its product, so the lists keep filling, and at
-- the default limit (4 MB) reading them was most of a search's time. At 64 kB they are merged
-- often, in small batches, and a search reads a few pages at most.
ALTER INDEX products_search_idx SET (gin_pending_list_limit = 64);
ALTER INDEX products_name_trgm_idx SET (gin_pending_list_limit = 64);

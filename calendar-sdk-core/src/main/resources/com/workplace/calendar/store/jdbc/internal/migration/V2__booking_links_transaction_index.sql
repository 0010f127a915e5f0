-- Sync names the booking of an event by its transactionId when the event id is not stored yet
-- (a round that reads the event before its create has returned).
CREATE INDEX ${prefix}booking_links_transaction_ix
  ON ${prefix}booking_links (tenant_id, transaction_id);

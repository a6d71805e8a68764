-- Handled gateway events are kept long enough to outlast any redelivery, then swept.
CREATE INDEX webhook_events_received_idx ON webhook_events (received_at);

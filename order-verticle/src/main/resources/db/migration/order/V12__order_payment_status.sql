-- Where the order's money stands, kept on the order so that every order read (lists included)
-- shows it without a join. The payment path changes it in the same transaction as the payment;
-- cancelling a captured order marks the refund as due in the same statement as the cancel.
ALTER TABLE orders
    ADD COLUMN payment_status  VARCHAR(16) NOT NULL DEFAULT 'unpaid'
        CHECK (payment_status IN ('unpaid', 'pending', 'authorized', 'captured', 'failed',
                                  'refund_pending', 'refunded')),
    ADD COLUMN payment_failure TEXT;

UPDATE orders SET payment_status = 'captured' WHERE paid_at IS NOT NULL;

-- The reconciler's list of refunds to make.
CREATE INDEX orders_refund_due_idx ON orders (id) WHERE payment_status = 'refund_pending';

-- Seller analytics read a rollup of the sales instead of the orders themselves: docs/analytics.md
-- defines every figure. The rollup is kept in the same statement as each event that changes it
-- (a capture, a cancellation), and `java -jar marketplace.jar rebuild-sales-rollup` recomputes it
-- from the orders with the same definitions as this migration's initial fill.

-- When an order was cancelled. A paid order's refund counts in its seller's figures at that moment.
ALTER TABLE orders ADD COLUMN cancelled_at TIMESTAMPTZ;

UPDATE orders o SET cancelled_at = coalesce(
        (SELECT max(t.created_at) FROM order_tracking t
         WHERE t.order_id = o.id AND t.kind = 'status' AND t.status = 'cancelled'),
        o.updated_at)
WHERE o.status = 'cancelled';

-- Sums are kept by UTC quarter hour: every time zone's offset has been a whole number of quarter
-- hours since 1979, so any zone's local midnights fall on quarter-hour edges, and any day, week or
-- month of any zone is an exact sum of quarter hours.

-- One row per seller and quarter hour: money and counts of captures (at capture time) and refunds
-- (at cancellation time), and orders placed and later cancelled (at placement time). An order is
-- counted in `placed` once it leaves `pending` (captured or cancelled); orders still pending are
-- counted from `orders` itself, so that placing an order writes nothing here.
CREATE TABLE sales_quarter_hours (
    seller_id    BIGINT         NOT NULL,
    quarter_hour TIMESTAMPTZ    NOT NULL,
    gross_sales  NUMERIC(18, 2) NOT NULL DEFAULT 0,
    refunds      NUMERIC(18, 2) NOT NULL DEFAULT 0,
    orders       INTEGER        NOT NULL DEFAULT 0,
    units        BIGINT         NOT NULL DEFAULT 0,
    placed       INTEGER        NOT NULL DEFAULT 0,
    cancelled    INTEGER        NOT NULL DEFAULT 0,
    PRIMARY KEY (seller_id, quarter_hour)
);

-- When each buyer bought from each seller: distinct buyers are not additive, so they are counted
-- for each period asked, by binary search (width_bucket) in each buyer's sorted capture times.
-- Only buyers who bought since the previous period began are read.
CREATE TABLE seller_buyer_purchases (
    seller_id         BIGINT        NOT NULL,
    buyer_id          BIGINT        NOT NULL,
    purchased_at      TIMESTAMPTZ[] NOT NULL,
    last_purchased_at TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (seller_id, buyer_id)
);

CREATE INDEX seller_buyer_purchases_recent_idx ON seller_buyer_purchases (seller_id, last_purchased_at);

-- Sales per product, by quarter hour (for the partial UTC days at a period's edges) and by UTC day
-- (for the whole days between them): a 90-day period reads at most 90 rows per product.
CREATE TABLE product_sales_quarter_hours (
    seller_id    BIGINT         NOT NULL,
    product_id   BIGINT         NOT NULL,
    quarter_hour TIMESTAMPTZ    NOT NULL,
    gross_sales  NUMERIC(18, 2) NOT NULL DEFAULT 0,
    refunds      NUMERIC(18, 2) NOT NULL DEFAULT 0,
    units        BIGINT         NOT NULL DEFAULT 0,
    PRIMARY KEY (seller_id, quarter_hour, product_id)
);

CREATE TABLE product_sales_days (
    seller_id   BIGINT         NOT NULL,
    product_id  BIGINT         NOT NULL,
    day         DATE           NOT NULL,
    gross_sales NUMERIC(18, 2) NOT NULL DEFAULT 0,
    refunds     NUMERIC(18, 2) NOT NULL DEFAULT 0,
    units       BIGINT         NOT NULL DEFAULT 0,
    PRIMARY KEY (seller_id, day, product_id)
);

-- Per seller, for all time: orders captured, captured orders cancelled (refunded), orders
-- cancelled. Order counts by status need them: `completed` is every capture not refunded and not
-- still on its way, which no index can count in less than a scan of the seller's orders.
CREATE TABLE seller_sales_totals (
    seller_id BIGINT PRIMARY KEY,
    captured  BIGINT NOT NULL DEFAULT 0,
    refunded  BIGINT NOT NULL DEFAULT 0,
    cancelled BIGINT NOT NULL DEFAULT 0
);

-- The initial fill from the orders as they are: what SalesRollup adds for each capture and each
-- cancellation, summed over every order (the definitions as of this version).
INSERT INTO sales_quarter_hours
    (seller_id, quarter_hour, gross_sales, refunds, orders, units, placed, cancelled)
SELECT seller_id, date_bin('15 minutes', event_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'),
       sum(gross_sales), sum(refunds), sum(orders), sum(units), sum(placed), sum(cancelled)
FROM (SELECT o.seller_id, o.paid_at AS event_at, o.total_price AS gross_sales, 0 AS refunds, 1 AS orders,
             (SELECT sum(i.quantity) FROM order_items i WHERE i.order_id = o.id) AS units,
             0 AS placed, 0 AS cancelled
      FROM orders o WHERE o.paid_at IS NOT NULL
      UNION ALL
      SELECT seller_id, cancelled_at, 0, total_price, 0, 0, 0, 0
      FROM orders WHERE status = 'cancelled' AND paid_at IS NOT NULL
      UNION ALL
      SELECT seller_id, created_at, 0, 0, 0, 0, 1, CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END
      FROM orders WHERE paid_at IS NOT NULL OR status = 'cancelled') e
GROUP BY 1, 2;

INSERT INTO seller_buyer_purchases (seller_id, buyer_id, purchased_at, last_purchased_at)
SELECT seller_id, buyer_id, array_agg(paid_at ORDER BY paid_at), max(paid_at)
FROM orders WHERE paid_at IS NOT NULL
GROUP BY 1, 2;

INSERT INTO product_sales_quarter_hours
    (seller_id, product_id, quarter_hour, gross_sales, refunds, units)
SELECT seller_id, product_id, date_bin('15 minutes', event_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'),
       sum(gross_sales), sum(refunds), sum(units)
FROM (SELECT o.seller_id, i.product_id, o.paid_at AS event_at, i.line_total AS gross_sales,
             0 AS refunds, i.quantity AS units
      FROM orders o JOIN order_items i ON i.order_id = o.id WHERE o.paid_at IS NOT NULL
      UNION ALL
      SELECT o.seller_id, i.product_id, o.cancelled_at, 0, i.line_total, 0
      FROM orders o JOIN order_items i ON i.order_id = o.id
      WHERE o.status = 'cancelled' AND o.paid_at IS NOT NULL) e
GROUP BY 1, 2, 3;

INSERT INTO product_sales_days (seller_id, product_id, day, gross_sales, refunds, units)
SELECT seller_id, product_id, (quarter_hour AT TIME ZONE 'UTC')::date,
       sum(gross_sales), sum(refunds), sum(units)
FROM product_sales_quarter_hours
GROUP BY 1, 2, 3;

INSERT INTO seller_sales_totals (seller_id, captured, refunded, cancelled)
SELECT seller_id, count(*) FILTER (WHERE paid_at IS NOT NULL),
       count(*) FILTER (WHERE status = 'cancelled' AND paid_at IS NOT NULL),
       count(*) FILTER (WHERE status = 'cancelled')
FROM orders WHERE paid_at IS NOT NULL OR status = 'cancelled'
GROUP BY seller_id;

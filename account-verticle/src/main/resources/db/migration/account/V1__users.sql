-- Buyers and sellers. An email belongs to one account whatever its role or letter case.
CREATE TABLE users (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          VARCHAR(255) NOT NULL,
    email         VARCHAR(254) NOT NULL,
    role          VARCHAR(16)  NOT NULL CHECK (role IN ('buyer', 'seller')),
    password_hash TEXT         NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX users_email_key ON users (lower(email));

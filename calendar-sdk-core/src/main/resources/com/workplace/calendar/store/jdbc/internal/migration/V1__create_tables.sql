-- Version 1 of the JdbcCalendarStore schema: one table per record type.
-- Placeholders: ${prefix} (the table prefix), ${key_collation} (makes key columns sort by code
-- point on PostgreSQL), ${large_text} (an unbounded text type). Times are UTC to the microsecond.
-- No secret is stored: consent states and subscription client states are SHA-256 hashes.

CREATE TABLE ${prefix}tenants (
  tenant_id      VARCHAR(253)${key_collation} NOT NULL,
  directory_id   VARCHAR(256),
  status         VARCHAR(32) NOT NULL,
  failure_reason VARCHAR(64),
  failure_detail VARCHAR(8000),
  probe_mailbox  VARCHAR(254),
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  version        BIGINT NOT NULL,
  PRIMARY KEY (tenant_id)
);

-- No foreign key: a consent state may be issued before its tenant is stored.
CREATE TABLE ${prefix}consent_states (
  state_hash VARCHAR(64) NOT NULL,
  tenant_id  VARCHAR(253)${key_collation} NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at    TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (state_hash)
);

CREATE INDEX ${prefix}consent_states_tenant_ix ON ${prefix}consent_states (tenant_id);

CREATE INDEX ${prefix}consent_states_expiry_ix ON ${prefix}consent_states (expires_at);

CREATE TABLE ${prefix}calendars (
  tenant_id      VARCHAR(253)${key_collation} NOT NULL,
  email          VARCHAR(254)${key_collation} NOT NULL,
  display_name   VARCHAR(1024),
  status         VARCHAR(32) NOT NULL,
  failure_reason VARCHAR(64),
  failure_detail VARCHAR(8000),
  added_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  checked_at     TIMESTAMP WITH TIME ZONE,
  version        BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, email),
  FOREIGN KEY (tenant_id) REFERENCES ${prefix}tenants (tenant_id) ON DELETE CASCADE
);

CREATE TABLE ${prefix}space_links (
  tenant_id      VARCHAR(253)${key_collation} NOT NULL,
  space_id       VARCHAR(128)${key_collation} NOT NULL,
  calendar_email VARCHAR(254)${key_collation} NOT NULL,
  linked_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  version        BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, space_id),
  FOREIGN KEY (tenant_id, calendar_email)
    REFERENCES ${prefix}calendars (tenant_id, email) ON DELETE CASCADE
);

-- One space per calendar.
CREATE UNIQUE INDEX ${prefix}space_links_calendar_uq
  ON ${prefix}space_links (tenant_id, calendar_email);

CREATE TABLE ${prefix}booking_links (
  tenant_id      VARCHAR(253)${key_collation} NOT NULL,
  booking_key    VARCHAR(512)${key_collation} NOT NULL,
  calendar_email VARCHAR(254)${key_collation} NOT NULL,
  transaction_id VARCHAR(512) NOT NULL,
  event_id       VARCHAR(1024),
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  version        BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, booking_key),
  FOREIGN KEY (tenant_id, calendar_email)
    REFERENCES ${prefix}calendars (tenant_id, email) ON DELETE CASCADE
);

CREATE INDEX ${prefix}booking_links_event_ix
  ON ${prefix}booking_links (tenant_id, calendar_email, event_id);

-- known_event_ids: the ids of the window's events, one per line (see the store's documentation).
CREATE TABLE ${prefix}sync_states (
  tenant_id       VARCHAR(253)${key_collation} NOT NULL,
  calendar_email  VARCHAR(254)${key_collation} NOT NULL,
  delta_link      ${large_text},
  window_start    TIMESTAMP WITH TIME ZONE NOT NULL,
  window_end      TIMESTAMP WITH TIME ZONE NOT NULL,
  known_event_ids ${large_text} NOT NULL,
  last_sync_at    TIMESTAMP WITH TIME ZONE,
  version         BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, calendar_email),
  FOREIGN KEY (tenant_id, calendar_email)
    REFERENCES ${prefix}calendars (tenant_id, email) ON DELETE CASCADE
);

-- One subscription per calendar (the primary key); subscription ids are unique.
CREATE TABLE ${prefix}subscriptions (
  tenant_id         VARCHAR(253)${key_collation} NOT NULL,
  calendar_email    VARCHAR(254)${key_collation} NOT NULL,
  subscription_id   VARCHAR(512) NOT NULL,
  client_state_hash VARCHAR(64) NOT NULL,
  expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  version           BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, calendar_email),
  FOREIGN KEY (tenant_id, calendar_email)
    REFERENCES ${prefix}calendars (tenant_id, email) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ${prefix}subscriptions_id_uq ON ${prefix}subscriptions (subscription_id);

CREATE INDEX ${prefix}subscriptions_expiry_ix ON ${prefix}subscriptions (expires_at);

-- A released lease keeps its row (expires_at is null) so that its token keeps growing.
CREATE TABLE ${prefix}leases (
  lease_name VARCHAR(1024) NOT NULL,
  owner      VARCHAR(512) NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE,
  token      BIGINT NOT NULL,
  PRIMARY KEY (lease_name)
);

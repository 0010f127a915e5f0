-- Mailbox coordination (MailboxCoordination): every instance on the database shares a mailbox's
-- permits, penalty box and request budget. A gate row is locked (SELECT ... FOR UPDATE) by every
-- change of its mailbox, so decisions are serialized per mailbox across instances.
CREATE TABLE ${prefix}mailbox_gates (
  gate_key       VARCHAR(600)${key_collation} NOT NULL,
  penalty_until  TIMESTAMP WITH TIME ZONE,
  probing        BOOLEAN NOT NULL,
  budget_cycle   BIGINT NOT NULL,
  budget_used    INTEGER NOT NULL,
  grant_sequence BIGINT NOT NULL,
  PRIMARY KEY (gate_key)
);

-- One row per slot ever used; a row whose expires_at has passed is a free slot.
CREATE TABLE ${prefix}mailbox_permits (
  gate_key   VARCHAR(600)${key_collation} NOT NULL,
  slot       INTEGER NOT NULL,
  holder     VARCHAR(200) NOT NULL,
  token      BIGINT NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  probe      BOOLEAN NOT NULL,
  PRIMARY KEY (gate_key, slot)
);

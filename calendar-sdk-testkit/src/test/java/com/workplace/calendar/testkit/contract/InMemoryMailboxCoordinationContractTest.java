package com.workplace.calendar.testkit.contract;

import com.workplace.calendar.store.InMemoryCalendarStore;
import com.workplace.calendar.store.MailboxCoordination;
import java.time.Clock;

/** The coordination contract on the in-memory store's coordination (one process). */
class InMemoryMailboxCoordinationContractTest extends MailboxCoordinationContract {
  @Override
  protected MailboxCoordination createCoordination(Clock clock) {
    return InMemoryCalendarStore.create(clock).mailboxCoordination().orElseThrow();
  }
}

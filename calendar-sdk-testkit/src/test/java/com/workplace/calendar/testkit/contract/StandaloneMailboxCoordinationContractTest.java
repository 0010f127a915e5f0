package com.workplace.calendar.testkit.contract;

import com.workplace.calendar.store.MailboxCoordination;
import java.time.Clock;

/** The coordination contract on {@link MailboxCoordination#inMemory(Clock)}. */
class StandaloneMailboxCoordinationContractTest extends MailboxCoordinationContract {
  @Override
  protected MailboxCoordination createCoordination(Clock clock) {
    return MailboxCoordination.inMemory(clock);
  }
}

package com.workplace.calendar.testkit.contract;

import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.store.InMemoryCalendarStore;
import java.time.Clock;

class InMemoryCalendarStoreContractTest extends CalendarStoreContract {
  @Override
  protected CalendarStore createStore(Clock clock) {
    return InMemoryCalendarStore.create(clock);
  }
}

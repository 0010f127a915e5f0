package com.workplace.calendar.testkit.contract;

/**
 * The behaviour every {@link com.workplace.calendar.store.CalendarStore} must have, as a JUnit 5
 * suite. A store implementation, ours or a customer's, gets the whole suite by extending this class
 * and returning a fresh, empty store:
 *
 * <pre>{@code
 * class MyStoreContractTest extends CalendarStoreContract {
 *   @Override
 *   protected CalendarStore createStore(Clock clock) {
 *     return MyStore.create(freshDataSource(), clock);
 *   }
 * }
 * }</pre>
 *
 * <p>It covers every operation, uniqueness rules, version conflicts (a stale write throws and
 * changes nothing), cascades, paging, lease semantics including expiry on the given clock (a {@link
 * com.workplace.calendar.testkit.TestClock} the suite moves), and concurrent writers from many threads (no lost update, no
 * duplicate, one lease holder). The store is closed after each test.
 *
 * @since 0.1.0
 */
public abstract class CalendarStoreContract extends ConcurrencyCases {
  /** For subclasses. */
  protected CalendarStoreContract() {}
}

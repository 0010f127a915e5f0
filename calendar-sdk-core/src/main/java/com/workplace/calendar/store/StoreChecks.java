package com.workplace.calendar.store;

import com.workplace.calendar.DuplicateRecordException;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.StaleRecordException;
import java.time.Duration;

/** The version and argument rules of the {@link CalendarStore} SPI, shared by the stores. */
final class StoreChecks {
  private StoreChecks() {}

  /** An update must name a stored record at its current version. */
  static void checkVersion(String what, Long storedVersion, long givenVersion) {
    if (storedVersion == null) {
      throw new ResourceNotFoundException(what + " is not stored");
    }
    if (storedVersion != givenVersion) {
      throw new StaleRecordException(
          what + " was changed meanwhile (version " + storedVersion + ", update based on "
              + givenVersion + ")");
    }
  }

  /** A save with version 0 inserts; any other version updates. */
  static void checkSave(String what, Long storedVersion, long givenVersion) {
    if (givenVersion == 0) {
      if (storedVersion != null) {
        throw new DuplicateRecordException(what + " is already stored");
      }
      return;
    }
    checkVersion(what, storedVersion, givenVersion);
  }

  /** A lease lasts a positive time. */
  static void requirePositive(Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("a lease needs a positive time to live");
    }
  }
}

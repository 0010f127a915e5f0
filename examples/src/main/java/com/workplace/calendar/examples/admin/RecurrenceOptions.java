package com.workplace.calendar.examples.admin;

import com.workplace.calendar.booking.BookingRecurrence;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The options that make {@code bookings create} book a recurring series: {@code --repeat daily|weekly}
 * with {@code --interval}, {@code --days}, {@code --times} or {@code --until}, and {@code --zone}.
 * Every value is checked before anything is done, with a message that says what is wrong.
 */
final class RecurrenceOptions {
  @Option(names = "--repeat", paramLabel = "daily|weekly", description = "Book a recurring series: daily or weekly; the booking's time is its first occurrence.")
  String repeat;

  @Option(names = "--interval", paramLabel = "N", description = "Days (daily) or weeks (weekly) from one occurrence to the next, 1 to 999 (default 1).")
  Integer interval;

  @Option(names = "--days", paramLabel = "DAYS", split = ",", description = "The days of a weekly series, e.g. MON,THU (default: the day of --start).")
  List<String> days;

  @Option(names = "--times", paramLabel = "N", description = "The number of occurrences, 1 to 999.")
  Integer times;

  @Option(names = "--until", paramLabel = "DATE", description = "The last date an occurrence may start on, e.g. 2027-06-30.")
  String until;

  @Option(names = "--zone", paramLabel = "ZONE", description = "The time zone the series keeps its time in across clock changes, e.g. Europe/Berlin (default: this computer's); a --start without an offset is read in it.")
  String zone;

  /** Whether the booking recurs. */
  boolean recurs() {
    return repeat != null;
  }

  /**
   * The zone local times are read in: {@code --zone}, else this computer's.
   *
   * @throws AdminException a usage error if {@code --zone} is not a time zone or comes without
   *     {@code --repeat}
   */
  ZoneId zone() {
    if (zone == null) {
      return ZoneId.systemDefault();
    }
    if (!recurs()) {
      throw AdminException.usage(
          "--zone sets the time zone a recurring series keeps its time in, and this booking does not recur",
          "add --repeat daily|weekly, or leave --zone out");
    }
    try {
      return ZoneId.of(zone.strip());
    } catch (DateTimeException e) {
      throw AdminException.usage(
          "'" + zone + "' is not a time zone",
          "give an IANA time zone such as Europe/Berlin, America/New_York or UTC");
    }
  }

  /**
   * The recurrence these options describe for a booking starting at {@code start}.
   *
   * @param start the first occurrence's start
   * @return the recurrence, or empty without {@code --repeat}
   * @throws AdminException a usage error naming the option that is wrong or missing
   */
  Optional<BookingRecurrence> toRecurrence(Instant start) {
    if (!recurs()) {
      List<String> stray = new ArrayList<>();
      if (interval != null) {
        stray.add("--interval");
      }
      if (days != null) {
        stray.add("--days");
      }
      if (times != null) {
        stray.add("--times");
      }
      if (until != null) {
        stray.add("--until");
      }
      if (!stray.isEmpty()) {
        throw AdminException.usage(
            String.join(", ", stray) + " describe" + (stray.size() == 1 ? "s" : "") + " a recurring series, and this booking does not recur",
            "add --repeat daily|weekly, or leave " + String.join(", ", stray) + " out");
      }
      return Optional.empty();
    }
    ZoneId timeZone = zone();
    int every = interval == null ? 1 : interval;
    if (every < 1 || every > BookingRecurrence.MAX_INTERVAL) {
      throw AdminException.usage(
          "--interval must be between 1 and " + BookingRecurrence.MAX_INTERVAL + ", was " + every,
          "e.g. --interval 2 for every other " + (isWeekly() ? "week" : "day"));
    }
    BookingRecurrence.Pattern pattern;
    if (isWeekly()) {
      Set<DayOfWeek> weekdays = days == null ? EnumSet.of(start.atZone(timeZone).getDayOfWeek()) : days();
      DayOfWeek firstDay = weekdays.iterator().next();
      pattern = BookingRecurrence.weekly(every, firstDay, weekdays.toArray(DayOfWeek[]::new));
    } else if (repeat.strip().equalsIgnoreCase("daily")) {
      if (days != null) {
        throw AdminException.usage(
            "--days belongs to a weekly series, and --repeat is daily",
            "use --repeat weekly --days " + String.join(",", days) + ", or leave --days out");
      }
      pattern = BookingRecurrence.daily(every);
    } else {
      throw AdminException.usage(
          "--repeat must be daily or weekly, was '" + repeat + "'",
          "e.g. --repeat weekly --days MON,THU --times 10");
    }
    if ((times == null) == (until == null)) {
      throw AdminException.usage(
          times == null
              ? "a recurring series needs an end: --times N or --until DATE"
              : "give --times or --until, not both",
          "e.g. --times 10 (ten occurrences) or --until 2027-06-30 (the last date, in the series' zone)");
    }
    if (times != null) {
      if (times < 1 || times > BookingRecurrence.MAX_OCCURRENCES) {
        throw AdminException.usage(
            "--times must be between 1 and " + BookingRecurrence.MAX_OCCURRENCES + ", was " + times,
            "book fewer occurrences, e.g. --times 10");
      }
      return Optional.of(pattern.times(times).inZone(timeZone));
    }
    try {
      return Optional.of(pattern.until(LocalDate.parse(until.strip())).inZone(timeZone));
    } catch (DateTimeParseException e) {
      throw AdminException.usage("'" + until + "' is not a date", "give the last date as YYYY-MM-DD, e.g. --until 2027-06-30");
    }
  }

  private boolean isWeekly() {
    return repeat.strip().equalsIgnoreCase("weekly");
  }

  private Set<DayOfWeek> days() {
    Set<DayOfWeek> parsed = EnumSet.noneOf(DayOfWeek.class);
    for (String day : days) {
      parsed.add(day(day));
    }
    if (parsed.isEmpty()) {
      throw AdminException.usage("--days names no day", "e.g. --days MON,THU");
    }
    return parsed;
  }

  private static DayOfWeek day(String text) {
    String name = text.strip().toUpperCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (name.equals(day.name()) || name.equals(day.name().substring(0, 3))) {
        return day;
      }
    }
    throw AdminException.usage(
        "'" + text + "' is not a day of the week",
        "name days as MON, TUE, WED, THU, FRI, SAT, SUN (or in full), separated by commas: --days MON,THU");
  }
}

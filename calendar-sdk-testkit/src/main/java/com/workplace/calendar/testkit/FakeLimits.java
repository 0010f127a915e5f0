package com.workplace.calendar.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * The service limits and page sizes the fake enforces. Immutable; create with {@link #builder()}
 * or use {@link #defaults()}, which are Microsoft's published values.
 *
 * <p>Throttling limits apply per application (client id) and mailbox, as in Exchange Online: at
 * most {@link #maxConcurrentPerMailbox()} requests in processing at once and at most {@link
 * #requestsPerWindow()} requests in any rolling {@link #window()}. A request over either limit is
 * answered with {@code 429 TooManyRequests} and a {@code Retry-After} header and is counted as a
 * limit violation in {@link FakeStats}.
 *
 * @since 0.1.0
 */
public final class FakeLimits {

  private static final FakeLimits DEFAULTS = new Builder().build();

  private final int maxConcurrentPerMailbox;
  private final int requestsPerWindow;
  private final Duration window;
  private final Duration concurrencyRetryAfter;
  private final int maxBatchRequests;
  private final int maxScheduleMailboxes;
  private final Duration maxScheduleWindow;
  private final int calendarViewPageSize;
  private final int calendarViewMaxPageSize;
  private final int placesPageSize;
  private final int deltaPageSize;
  private final Duration maxCalendarViewWindow;

  private FakeLimits(Builder b) {
    this.maxConcurrentPerMailbox = b.maxConcurrentPerMailbox;
    this.requestsPerWindow = b.requestsPerWindow;
    this.window = b.window;
    this.concurrencyRetryAfter = b.concurrencyRetryAfter;
    this.maxBatchRequests = b.maxBatchRequests;
    this.maxScheduleMailboxes = b.maxScheduleMailboxes;
    this.maxScheduleWindow = b.maxScheduleWindow;
    this.calendarViewPageSize = b.calendarViewPageSize;
    this.calendarViewMaxPageSize = b.calendarViewMaxPageSize;
    this.placesPageSize = b.placesPageSize;
    this.deltaPageSize = b.deltaPageSize;
    this.maxCalendarViewWindow = b.maxCalendarViewWindow;
  }

  /**
   * Returns Microsoft's published limits: 4 concurrent requests and 10,000 requests per 10
   * minutes per app and mailbox, 20 requests per {@code $batch}, 20 mailboxes and less than 42
   * days per {@code getSchedule}, windows of at most 1,825 days for calendar views, delta and
   * instances, and page sizes of 10 (calendar view, delta) and 100 (places).
   *
   * @return the default limits
   */
  public static FakeLimits defaults() {
    return DEFAULTS;
  }

  /**
   * Starts a builder initialised with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder initialised with these limits.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxConcurrentPerMailbox = maxConcurrentPerMailbox;
    b.requestsPerWindow = requestsPerWindow;
    b.window = window;
    b.concurrencyRetryAfter = concurrencyRetryAfter;
    b.maxBatchRequests = maxBatchRequests;
    b.maxScheduleMailboxes = maxScheduleMailboxes;
    b.maxScheduleWindow = maxScheduleWindow;
    b.calendarViewPageSize = calendarViewPageSize;
    b.calendarViewMaxPageSize = calendarViewMaxPageSize;
    b.placesPageSize = placesPageSize;
    b.deltaPageSize = deltaPageSize;
    b.maxCalendarViewWindow = maxCalendarViewWindow;
    return b;
  }

  /**
   * Requests per app and mailbox that may be in processing at once (default 4).
   *
   * @return the limit
   */
  public int maxConcurrentPerMailbox() {
    return maxConcurrentPerMailbox;
  }

  /**
   * Requests per app and mailbox allowed in any rolling {@link #window()} (default 10,000).
   *
   * @return the budget
   */
  public int requestsPerWindow() {
    return requestsPerWindow;
  }

  /**
   * The rolling window of the request budget (default 10 minutes).
   *
   * @return the window
   */
  public Duration window() {
    return window;
  }

  /**
   * The {@code Retry-After} sent when the concurrency limit is exceeded (default 1 second). A
   * budget violation instead gets the time until the oldest counted request leaves the window.
   *
   * @return the delay
   */
  public Duration concurrencyRetryAfter() {
    return concurrencyRetryAfter;
  }

  /**
   * The most requests one {@code $batch} may carry (default 20).
   *
   * @return the limit
   */
  public int maxBatchRequests() {
    return maxBatchRequests;
  }

  /**
   * The most mailboxes one {@code getSchedule} may ask for (default 20).
   *
   * @return the limit
   */
  public int maxScheduleMailboxes() {
    return maxScheduleMailboxes;
  }

  /**
   * The {@code getSchedule} window must be shorter than this (default 42 days).
   *
   * @return the limit
   */
  public Duration maxScheduleWindow() {
    return maxScheduleWindow;
  }

  /**
   * The calendar view's page size without {@code $top} (default 10).
   *
   * @return the page size
   */
  public int calendarViewPageSize() {
    return calendarViewPageSize;
  }

  /**
   * The largest {@code $top} the calendar view honours; larger values are clamped (default
   * 1000).
   *
   * @return the page size
   */
  public int calendarViewMaxPageSize() {
    return calendarViewMaxPageSize;
  }

  /**
   * The places page size without {@code $top} (default 100).
   *
   * @return the page size
   */
  public int placesPageSize() {
    return placesPageSize;
  }

  /**
   * The calendar view delta page size without {@code Prefer: odata.maxpagesize} (default 10).
   *
   * @return the page size
   */
  public int deltaPageSize() {
    return deltaPageSize;
  }

  /**
   * The longest {@code startDateTime}..{@code endDateTime} window of {@code calendarView}, its
   * delta and {@code /instances} (default 1,825 days, the limit Graph enforces since 2019);
   * longer ones are answered {@code 400 ErrorInvalidRequest}.
   *
   * @return the limit
   */
  public Duration maxCalendarViewWindow() {
    return maxCalendarViewWindow;
  }

  @Override
  public String toString() {
    return "FakeLimits{concurrent=" + maxConcurrentPerMailbox + ", budget=" + requestsPerWindow
        + "/" + window + ", batch=" + maxBatchRequests + ", schedules=" + maxScheduleMailboxes
        + "}";
  }

  /** Builds {@link FakeLimits}; every setter rejects out-of-range values. */
  public static final class Builder {
    private int maxConcurrentPerMailbox = 4;
    private int requestsPerWindow = 10_000;
    private Duration window = Duration.ofMinutes(10);
    private Duration concurrencyRetryAfter = Duration.ofSeconds(1);
    private int maxBatchRequests = 20;
    private int maxScheduleMailboxes = 20;
    private Duration maxScheduleWindow = Duration.ofDays(42);
    private int calendarViewPageSize = 10;
    private int calendarViewMaxPageSize = 1000;
    private int placesPageSize = 100;
    private int deltaPageSize = 10;
    private Duration maxCalendarViewWindow = Duration.ofDays(1825);

    private Builder() {}

    /**
     * Sets the concurrent requests allowed per app and mailbox.
     *
     * @param max at least 1
     * @return this builder
     * @throws IllegalArgumentException when {@code max < 1}
     */
    public Builder maxConcurrentPerMailbox(int max) {
      this.maxConcurrentPerMailbox = positive(max, "maxConcurrentPerMailbox");
      return this;
    }

    /**
     * Sets the rolling request budget per app and mailbox, e.g. {@code requestBudget(100,
     * Duration.ofSeconds(10))} for tests.
     *
     * @param requests requests allowed per window, at least 1
     * @param window the window, positive
     * @return this builder
     * @throws IllegalArgumentException when a value is out of range
     */
    public Builder requestBudget(int requests, Duration window) {
      this.requestsPerWindow = positive(requests, "requests");
      this.window = positiveDuration(window, "window");
      return this;
    }

    /**
     * Sets the {@code Retry-After} for concurrency violations.
     *
     * @param retryAfter at least one second (sent in whole seconds, rounded up)
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public Builder concurrencyRetryAfter(Duration retryAfter) {
      this.concurrencyRetryAfter = positiveDuration(retryAfter, "concurrencyRetryAfter");
      return this;
    }

    /**
     * Sets the most requests per {@code $batch}.
     *
     * @param max at least 1
     * @return this builder
     * @throws IllegalArgumentException when {@code max < 1}
     */
    public Builder maxBatchRequests(int max) {
      this.maxBatchRequests = positive(max, "maxBatchRequests");
      return this;
    }

    /**
     * Sets the most mailboxes per {@code getSchedule}.
     *
     * @param max at least 1
     * @return this builder
     * @throws IllegalArgumentException when {@code max < 1}
     */
    public Builder maxScheduleMailboxes(int max) {
      this.maxScheduleMailboxes = positive(max, "maxScheduleMailboxes");
      return this;
    }

    /**
     * Sets the exclusive upper bound of a {@code getSchedule} window.
     *
     * @param window positive
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public Builder maxScheduleWindow(Duration window) {
      this.maxScheduleWindow = positiveDuration(window, "maxScheduleWindow");
      return this;
    }

    /**
     * Sets the calendar view's default and largest page size.
     *
     * @param defaultSize the page size without {@code $top}
     * @param maxSize the largest honoured {@code $top}, at least {@code defaultSize}
     * @return this builder
     * @throws IllegalArgumentException when a value is out of range
     */
    public Builder calendarViewPageSize(int defaultSize, int maxSize) {
      positive(defaultSize, "defaultSize");
      if (maxSize < defaultSize) {
        throw new IllegalArgumentException("maxSize must be at least defaultSize");
      }
      this.calendarViewPageSize = defaultSize;
      this.calendarViewMaxPageSize = maxSize;
      return this;
    }

    /**
     * Sets the places page size without {@code $top}.
     *
     * @param size at least 1
     * @return this builder
     * @throws IllegalArgumentException when {@code size < 1}
     */
    public Builder placesPageSize(int size) {
      this.placesPageSize = positive(size, "placesPageSize");
      return this;
    }

    /**
     * Sets the delta page size used without {@code Prefer: odata.maxpagesize}.
     *
     * @param size at least 1
     * @return this builder
     * @throws IllegalArgumentException when {@code size < 1}
     */
    public Builder deltaPageSize(int size) {
      this.deltaPageSize = positive(size, "deltaPageSize");
      return this;
    }

    /**
     * Sets the longest calendar view, delta and instances window.
     *
     * @param window positive
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public Builder maxCalendarViewWindow(Duration window) {
      this.maxCalendarViewWindow = positiveDuration(window, "maxCalendarViewWindow");
      return this;
    }

    /**
     * Builds the limits.
     *
     * @return the immutable limits
     */
    public FakeLimits build() {
      return new FakeLimits(this);
    }

    private static int positive(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be at least 1, was " + value);
      }
      return value;
    }

    private static Duration positiveDuration(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
    }
  }
}

package com.workplace.calendar.examples.admin;

/**
 * The exit codes of {@code calendar-admin}. Scripts can rely on them.
 *
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><th>code</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>the command did what it was asked</td></tr>
 *   <tr><td>1</td><td>the operation failed or partly failed (e.g. some calendars did not connect,
 *       some CSV rows were not imported, a booking was refused); the output says which and why</td></tr>
 *   <tr><td>2</td><td>usage error: unknown command or option, missing or malformed argument</td></tr>
 *   <tr><td>3</td><td>configuration or authorization problem: missing app registration settings,
 *       unusable store, tenant not authorized, consent not received in time</td></tr>
 * </table>
 */
public final class ExitCodes {
  /** The command did what it was asked. */
  public static final int OK = 0;

  /** The operation failed or partly failed. */
  public static final int FAILED = 1;

  /** The command line was wrong. */
  public static final int USAGE = 2;

  /** The configuration or the tenant's authorization is not in order. */
  public static final int CONFIGURATION = 3;

  private ExitCodes() {}
}

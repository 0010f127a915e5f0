package com.workplace.calendar.examples.admin;

import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeTenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo organisation seeded into the embedded {@link FakeMicrosoft365}: tenant {@value #DOMAIN}
 * with three buildings of 20 rooms each in one room list per building, and the things that go wrong
 * in real tenants.
 *
 * <ul>
 *   <li>{@value #DELETED_ROOM} no longer exists (its mailbox was deleted, but the booking product
 *       still has its space and the facilities export still lists it);
 *   <li>{@value #ON_PREMISES_ROOM} is a recipient without an Exchange Online mailbox;
 *   <li>the executive rooms {@link #BLOCKED_ROOMS} are blocked for the app by an application access
 *       policy;
 *   <li>a dozen meetings booked "in Outlook" today and tomorrow.
 * </ul>
 *
 * <p>Seeding is deterministic: the same calls in the same order, so a fake started by a later
 * command has the same tenant GUID, rooms and event ids.
 *
 * <p>Public for the other examples that run against the same organisation (the web admin).
 */
public final class DemoOrganisation {
  /** The demo tenant's domain. */
  public static final String DOMAIN = "contoso.onmicrosoft.com";
  /** The application (client) ID of the app registered in the fake. */
  public static final String CLIENT_ID = "3f1c9a52-7d4e-4b8a-9c61-2e5f0b7a8d14";
  /** The embedded fake's app secret. Not a secret: it only opens the fake. */
  public static final String CLIENT_SECRET = "demo8Q~embedded-fake-only-not-a-real-secret";
  /** The room whose mailbox was deleted. */
  public static final String DELETED_ROOM = "ms-3.05@" + DOMAIN;
  /** The recipient without an Exchange Online mailbox. */
  public static final String ON_PREMISES_ROOM = "hh-0.01@" + DOMAIN;
  /** The rooms an application access policy blocks for the app. */
  public static final List<String> BLOCKED_ROOMS =
      List.of("hh-4.05@" + DOMAIN, "ms-4.05@" + DOMAIN, "nc-4.05@" + DOMAIN);
  /** The seed to build the fake with, so that its GUIDs and ids are the same in every process. */
  public static final long SEED = 20_240_611L;
  /**
   * The demo's CSV import on the class path: room calendars of two buildings with some bad rows,
   * as a facilities team exports them.
   */
  public static final String ROOMS_CSV_RESOURCE = "/com/workplace/calendar/examples/admin/demo-rooms.csv";

  record Building(String code, String name, List<String> roomNames) {
    String roomList() {
      return code.toLowerCase(Locale.ROOT) + "-rooms@" + DOMAIN;
    }

    String room(int index) {
      return code.toLowerCase(Locale.ROOT) + "-" + floor(index) + ".0" + (index % 5 + 1) + "@" + DOMAIN;
    }

    String spaceId(int index) {
      return code + "-" + floor(index) + ".0" + (index % 5 + 1);
    }

    static int floor(int index) {
      return index / 5 + 1;
    }
  }

  record Person(String address, String name) {}

  static final List<Building> BUILDINGS =
      List.of(
          new Building(
              "HH",
              "Harbour House",
              List.of("Anchor", "Beacon", "Compass", "Dock", "Ebb", "Ferry", "Galley", "Harbour",
                  "Inlet", "Jetty", "Keel", "Lighthouse", "Mast", "Net", "Oar", "Pier", "Quay",
                  "Rudder", "Sail", "Tide")),
          new Building(
              "MS",
              "Mill Street",
              List.of("Bobbin", "Carding", "Dye", "Fleece", "Gin", "Heddle", "Indigo", "Jacquard",
                  "Knot", "Loom", "Mercer", "Needle", "Ochre", "Pattern", "Quill", "Reel",
                  "Shuttle", "Spindle", "Tweed", "Weaver")),
          new Building(
              "NC",
              "North Campus",
              List.of("Alder", "Birch", "Cedar", "Elm", "Fir", "Hazel", "Holly", "Juniper",
                  "Larch", "Linden", "Maple", "Oak", "Pine", "Rowan", "Spruce", "Sycamore",
                  "Walnut", "Willow", "Yew", "Ash")));

  static final Person MEGAN = new Person("megan.bowen@" + DOMAIN, "Megan Bowen");
  static final Person ALEX = new Person("alex.wilber@" + DOMAIN, "Alex Wilber");
  static final Person ADELE = new Person("adele.vance@" + DOMAIN, "Adele Vance");
  static final Person LEE = new Person("lee.gu@" + DOMAIN, "Lee Gu");

  private final FakeMicrosoft365 m365;
  private final FakeApp app;
  private final FakeTenant tenant;

  private DemoOrganisation(FakeMicrosoft365 m365, FakeApp app, FakeTenant tenant) {
    this.m365 = m365;
    this.app = app;
    this.tenant = tenant;
  }

  /**
   * Seeds a freshly started fake.
   *
   * @param m365 a started fake built with {@link #SEED}
   * @param clock where "today" comes from for the meetings booked in Outlook
   * @return the organisation
   */
  public static DemoOrganisation seed(FakeMicrosoft365 m365, Clock clock) {
    FakeApp app =
        m365.newApp()
            .clientId(CLIENT_ID)
            .clientSecret(CLIENT_SECRET)
            .displayName("Workplace booking (calendar-admin)")
            .register();
    FakeTenant tenant = m365.tenant(DOMAIN).workingHoursTimeZone("GMT Standard Time");
    for (Person person : List.of(MEGAN, ALEX, ADELE, LEE)) {
      tenant.addUser(person.address(), person.name());
    }
    for (Building building : BUILDINGS) {
      tenant.addRoomList(building.roomList(), building.name() + " rooms");
      for (int i = 0; i < building.roomNames().size(); i++) {
        String address = building.room(i);
        if (address.equals(DELETED_ROOM)) {
          continue;
        }
        tenant
            .room(address)
            .displayName(building.code() + " " + building.spaceId(i).substring(3) + " " + building.roomNames().get(i))
            .capacity(4 + 2 * (i % 5))
            .building(building.name())
            .floorNumber(Building.floor(i))
            .inRoomList(building.roomList())
            .add();
      }
    }
    tenant.addMailboxNotInExchangeOnline(ON_PREMISES_ROOM);
    tenant.denyByAccessPolicy(CLIENT_ID, BLOCKED_ROOMS.toArray(String[]::new));
    // Today's meetings keep out of the rooms the demo and its tests book "now" (HH-1.03, HH-2.01,
    // NC-1.01, NC-2.01), so those bookings never meet one, whatever the time of day.
    Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
    Instant tomorrow = today.plus(Duration.ofDays(1));
    meeting(tenant, "hh-1.01", tomorrow, 9, 60, "Weekly planning", MEGAN);
    meeting(tenant, "hh-1.01", tomorrow, 13, 60, "Customer call", ALEX);
    meeting(tenant, "hh-1.02", today, 14, 60, "Interviews", ADELE);
    meeting(tenant, "hh-2.01", tomorrow, 10, 60, "Design review", LEE);
    meeting(tenant, "hh-2.01", tomorrow, 15, 45, "Retrospective", MEGAN);
    meeting(tenant, "hh-3.03", tomorrow, 11, 30, "Supplier visit", ALEX);
    meeting(tenant, "ms-1.01", today, 8, 30, "Stand-up", LEE);
    meeting(tenant, "ms-1.01", tomorrow, 8, 30, "Stand-up", LEE);
    meeting(tenant, "ms-2.03", tomorrow, 14, 90, "Training", ADELE);
    meeting(tenant, "nc-1.05", today, 16, 60, "All hands rehearsal", MEGAN);
    meeting(tenant, "nc-3.02", tomorrow, 9, 120, "Workshop", ALEX);
    meeting(tenant, "nc-2.04", tomorrow, 12, 60, "Lunch and learn", ADELE);
    return new DemoOrganisation(m365, app, tenant);
  }

  private static void meeting(
      FakeTenant tenant, String room, Instant day, int hourUtc, int minutes, String subject, Person organizer) {
    Instant start = day.plus(Duration.ofHours(hourUtc));
    tenant.addEvent(room + "@" + DOMAIN, subject, start, start.plus(Duration.ofMinutes(minutes)), organizer.address());
  }

  /**
   * The fake the organisation lives in.
   *
   * @return the fake
   */
  public FakeMicrosoft365 m365() {
    return m365;
  }

  /**
   * The booking product's app registration in the fake ({@link #CLIENT_ID}).
   *
   * @return the app
   */
  public FakeApp app() {
    return app;
  }

  /**
   * The tenant {@link #DOMAIN}.
   *
   * @return the tenant
   */
  public FakeTenant tenant() {
    return tenant;
  }

  /**
   * What an Exchange administrator's {@code Get-CalendarProcessing | Select Identity,
   * BookingWindowInDays, MaximumDurationInMinutes, AllowConflicts, AllowRecurringMeetings |
   * Export-Csv} writes for the given rooms (180 days ahead, 4 hours at most), with a row for a room
   * the booking product never registered.
   */
  static String calendarProcessingExport(List<String> rooms) {
    StringBuilder csv =
        new StringBuilder(
            "#TYPE Selected.Microsoft.Exchange.Data.Directory.SystemConfiguration.CalendarConfiguration\r\n"
                + "\"Identity\",\"BookingWindowInDays\",\"MaximumDurationInMinutes\",\"AllowConflicts\","
                + "\"AllowRecurringMeetings\"\r\n");
    for (String room : rooms) {
      csv.append('"').append(room).append("\",\"180\",\"240\",\"False\",\"True\"\r\n");
    }
    csv.append("\"Retired Boardroom\",\"30\",\"1440\",\"False\",\"False\"\r\n");
    return csv.toString();
  }

  /** Every address with a room mailbox in the fake, in seeding order. */
  List<String> rooms() {
    return tenant.rooms();
  }

  /** The room calendars of a building, as the booking product would name them. */
  static List<String> roomsOf(Building building) {
    List<String> rooms = new ArrayList<>();
    for (int i = 0; i < building.roomNames().size(); i++) {
      rooms.add(building.room(i));
    }
    return rooms;
  }

  /** The space number the booking product uses for a room mailbox of the demo, e.g. HH-1.01. */
  static String spaceIdOf(String email) {
    String local = email.substring(0, email.indexOf('@'));
    return local.toUpperCase(Locale.ROOT);
  }
}

package com.workplace.calendar.testkit;

import com.workplace.calendar.testkit.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A standard scenario: one app consented in Contoso, with two rooms and a user. */
final class Fixture {

  static final String DOMAIN = "contoso.onmicrosoft.com";
  static final String ROOM = "orchard@contoso.onmicrosoft.com";
  static final String ROOM2 = "birch@contoso.onmicrosoft.com";
  static final String USER = "marina@contoso.onmicrosoft.com";

  final FakeMicrosoft365 m365;
  final FakeApp app;
  final FakeTenant tenant;
  final Http http;
  final String token;

  Fixture(FakeMicrosoft365 m365) {
    this.m365 = m365;
    this.app = m365.newApp().redirectUris("https://booking.example.com/consent").register();
    this.tenant = m365.tenant(DOMAIN)
        .grantAdminConsent(app.clientId())
        .addRoom(ROOM, "Orchard")
        .addRoom(ROOM2, "Birch")
        .addUser(USER, "Marina Lopez");
    this.http = new Http(m365);
    this.token = http.token(tenant, app);
  }

  /** A payload of {@code src/test/resources/fixtures/graph}. */
  static String fixture(String name) {
    try (InputStream in = Fixture.class.getResourceAsStream("/fixtures/graph/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> fixtureJson(String name) {
    return Json.parseObject(fixture(name));
  }

  /** URL-encoded {@code /users/{address}} path. */
  static String user(String address) {
    return "users/" + address.replace("@", "%40");
  }
}

package com.workplace.calendar.testkit;

import static com.workplace.calendar.testkit.Fixture.ROOM;
import static com.workplace.calendar.testkit.Fixture.ROOM2;
import static com.workplace.calendar.testkit.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GraphAccessTest {

  @RegisterExtension
  static final FakeMicrosoft365Extension EXT =
      FakeMicrosoft365Extension.newInstance().resetBetweenTests(true).build();

  private Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(EXT.get());
  }

  @Test
  void missingOrForeignTokensAreUnauthenticated() {
    Http.Reply none = f.http.get(user(ROOM) + "/calendar", null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.errorCode()).isEqualTo("InvalidAuthenticationToken");

    Http.Reply garbage = f.http.get(user(ROOM) + "/calendar", "not-a-jwt");
    assertThat(garbage.status()).isEqualTo(401);

    try (FakeMicrosoft365 other = FakeMicrosoft365.builder().start()) {
      FakeApp app = other.registerApp();
      other.tenant(Fixture.DOMAIN).grantAdminConsent(app.clientId());
      String foreign = other.issueAppToken(Fixture.DOMAIN, app.clientId());
      assertThat(f.http.get(user(ROOM) + "/calendar", foreign).status()).isEqualTo(401);
    }
  }

  @Test
  void unknownMailboxesAndMailboxesOfOtherTenantsAreInvalidUsers() {
    f.m365.tenant("fabrikam.onmicrosoft.com").addRoom("lake@fabrikam.onmicrosoft.com", "Lake");

    for (String mailbox : new String[] {"ghost@contoso.onmicrosoft.com",
        "lake@fabrikam.onmicrosoft.com"}) {
      Http.Reply r = f.http.get(user(mailbox) + "/calendar", f.token);
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.errorCode()).isEqualTo("ErrorInvalidUser");
      assertThat(r.errorMessage()).isEqualTo("The requested user '" + mailbox + "' is invalid.");
    }
  }

  @Test
  void mailboxesOutsideExchangeOnlineAreNotEnabledForRest() {
    f.tenant.addMailboxNotInExchangeOnline("onprem@contoso.onmicrosoft.com");

    Http.Reply r = f.http.get(user("onprem@contoso.onmicrosoft.com") + "/calendar", f.token);

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo("MailboxNotEnabledForRESTAPI");
    assertThat(r.errorMessage()).isEqualTo(
        "The mailbox is either inactive, soft-deleted, or is hosted on-premise.");
  }

  @Test
  void accessPoliciesDenyWithODataDisabled() {
    f.tenant.denyByAccessPolicy(f.app.clientId(), ROOM);

    Http.Reply denied = f.http.get(user(ROOM) + "/calendar", f.token);
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.errorCode()).isEqualTo("ErrorAccessDenied");
    assertThat(denied.errorMessage()).isEqualTo("Access to OData is disabled.");
    assertThat(f.http.get(user(ROOM2) + "/calendar", f.token).status()).isEqualTo(200);

    f.tenant.removeAccessPolicies(f.app.clientId()).restrictByAccessPolicy(f.app.clientId(),
        ROOM);
    assertThat(f.http.get(user(ROOM) + "/calendar", f.token).status()).isEqualTo(200);
    assertThat(f.http.get(user(ROOM2) + "/calendar", f.token).status()).isEqualTo(403);
  }

  @Test
  void missingRolesAreAccessDenied() {
    FakeApp readOnly = f.m365.registerApp();
    f.tenant.grantAdminConsent(readOnly.clientId(), "Calendars.Read");
    String token = f.http.token(f.tenant, readOnly);

    assertThat(f.http.get(user(ROOM) + "/calendar", token).status()).isEqualTo(200);
    Http.Reply write = f.http.post(user(ROOM) + "/events", token,
        "{\"subject\":\"x\",\"start\":{\"dateTime\":\"2030-01-01T10:00:00\",\"timeZone\":\"UTC\"},"
            + "\"end\":{\"dateTime\":\"2030-01-01T11:00:00\",\"timeZone\":\"UTC\"}}");
    assertThat(write.status()).isEqualTo(403);
    assertThat(write.errorMessage()).isEqualTo(
        "Access is denied. Check credentials and try again.");
    Http.Reply places = f.http.get("places/microsoft.graph.room", token);
    assertThat(places.status()).isEqualTo(403);

    FakeApp placesOnly = f.m365.registerApp();
    f.tenant.grantAdminConsent(placesOnly.clientId(), "Place.Read.All");
    assertThat(f.http.get(user(ROOM) + "/calendar", f.http.token(f.tenant, placesOnly))
        .status()).isEqualTo(403);
  }

  @Test
  void calendarProbeSupportsSelect() {
    Http.Reply full = f.http.get(user(ROOM) + "/calendar", f.token);
    Http.Reply id = f.http.get(user(ROOM) + "/calendar?$select=id", f.token);

    assertThat(full.json()).containsKeys("@odata.context", "id", "name", "owner");
    assertThat(id.json()).containsOnlyKeys("@odata.context", "id");
    assertThat(id.json().get("id")).isEqualTo(full.json().get("id"));
  }

  @Test
  void mailboxesCanBeAddressedByObjectIdAndInAnyCase() {
    Http.Reply upper = f.http.get(user(ROOM.toUpperCase()) + "/calendar", f.token);
    assertThat(upper.status()).isEqualTo(200);

    Http.Reply rooms = f.http.get("places/microsoft.graph.room", f.token);
    String objectId = (String) rooms.value().get(0).get("id");
    assertThat(f.http.get("users/" + objectId + "/calendar", f.token).status()).isEqualTo(200);
  }

  @Test
  void unknownPathsAndMethodsAreRejected() {
    assertThat(f.http.get("users/" + ROOM + "/mailFolders", f.token).status()).isEqualTo(400);
    assertThat(f.http.send("PUT", user(ROOM) + "/calendar", f.token, "{}").status())
        .isEqualTo(405);
  }
}

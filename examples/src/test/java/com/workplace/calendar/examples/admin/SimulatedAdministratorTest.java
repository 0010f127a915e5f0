package com.workplace.calendar.examples.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimulatedAdministratorTest {

  @Test
  void readsTheErrorOfAnIdentityPlatformPage() {
    String page = "<!DOCTYPE html><html><head><title>Sign in to your account</title></head><body><h1>Sign in</h1>"
        + "<p id=\"error\">AADSTS90002: Tenant &#39;fabrikam.onmicrosoft.com&#39; not found.</p>"
        + "<p>Request Id: 1234</p></body></html>";
    String error = SimulatedAdministrator.errorOf(page);
    assertThat(error).isEqualTo("AADSTS90002: Tenant 'fabrikam.onmicrosoft.com' not found.");
    assertThat(new SimulatedAdministrator.ConsentPageError(400, error).aadsts()).contains("90002");
  }

  @Test
  void fallsBackToThePagesTextShortened() {
    String page = "<html><body><h1>Bad request</h1><p>" + "x".repeat(400) + "</p></body></html>";
    String error = SimulatedAdministrator.errorOf(page);
    assertThat(error).startsWith("Bad request x").endsWith("...").hasSize(303);
    assertThat(SimulatedAdministrator.errorOf("")).isEqualTo("(the page shows no error text)");
  }
}

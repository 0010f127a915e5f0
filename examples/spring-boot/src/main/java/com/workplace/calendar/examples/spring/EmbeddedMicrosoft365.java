package com.workplace.calendar.examples.spring;

import com.workplace.calendar.spring.CalendarServiceBuilderCustomizer;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeTenant;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the example against a {@link FakeMicrosoft365} in the same process: starts it before the
 * context, seeds the organisation {@code contoso.onmicrosoft.com} (three rooms, one Outlook
 * meeting), registers the app with the application's redirect URI, and points the starter at it
 * (client ID and secret, authority host, Graph endpoint, trust). Off with {@code
 * workplace.example.embedded-fake=false}: then {@code application.yml} (or the environment) names
 * a real app registration.
 */
final class EmbeddedMicrosoft365 implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMicrosoft365.class);

  /** The organisation the fake holds. */
  static final String DOMAIN = "contoso.onmicrosoft.com";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment environment = context.getEnvironment();
    if (!environment.getProperty("workplace.example.embedded-fake", Boolean.class, true)) {
      return;
    }
    String redirectUri = environment.getRequiredProperty("workplace.calendar.redirect-uri");
    FakeMicrosoft365 m365 = FakeMicrosoft365.builder().start();
    FakeApp app = m365.newApp().displayName("Workplace calendar example").redirectUris(redirectUri).register();
    FakeTenant contoso = m365.tenant(DOMAIN);
    contoso.addRoom("orchard@" + DOMAIN, "Orchard");
    contoso.addRoom("marina@" + DOMAIN, "Marina");
    contoso.addRoom("lighthouse@" + DOMAIN, "Lighthouse");
    Instant nine = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(9));
    contoso.addEvent("orchard@" + DOMAIN, "Budget review", nine, nine.plus(Duration.ofHours(1)));
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "embeddedMicrosoft365",
                Map.of(
                    "workplace.calendar.client-id", app.clientId(),
                    "workplace.calendar.client-secret", app.clientSecret(),
                    "workplace.calendar.authority-host", m365.authorityUri().toString(),
                    "workplace.calendar.graph-endpoint", m365.graphUri().toString())));
    DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
    beans.registerSingleton("embeddedMicrosoft365", m365);
    beans.registerSingleton(
        "embeddedMicrosoft365Trust",
        (CalendarServiceBuilderCustomizer) b -> b.trust(m365.sslContext(), m365.trustManager()));
    beans.registerDisposableBean("embeddedMicrosoft365", m365::close);
    LOG.info(
        "Embedded Microsoft 365 at {} with the organisation {}; its consent page accepts at once",
        m365.graphUri(),
        DOMAIN);
  }
}

package com.workplace.calendar.examples.web;

import com.workplace.calendar.examples.admin.DemoOrganisation;
import com.workplace.calendar.spring.CalendarServiceBuilderCustomizer;
import com.workplace.calendar.testkit.ConsentMode;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the web admin against a {@link FakeMicrosoft365} in the same process: starts it before the
 * context, seeds calendar-admin's demo organisation ({@link DemoOrganisation}: three buildings of
 * rooms, a blocked, a deleted and an on-premises room, meetings booked in Outlook), registers the
 * application's redirect URI on the demo app, and points the starter at the fake (client ID and
 * secret, authority host, Graph endpoint, change notifications to this application, and trust in
 * the fake's self-signed certificate for the SDK only). The fake's consent page is interactive: the administrator's browser shows it, with
 * Accept and Cancel. Off with {@code workplace.example.embedded-fake=false}.
 *
 * <p>The fake is new at every start while the database keeps the SDK's state; {@link
 * EmbeddedFakeRestart} reconciles the two before the background work starts.
 */
final class EmbeddedDemoMicrosoft365 implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDemoMicrosoft365.class);
  static final String ENABLED = "workplace.example.embedded-fake";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment environment = context.getEnvironment();
    if (!environment.getProperty(ENABLED, Boolean.class, true)) {
      return;
    }
    String redirectUri = environment.getRequiredProperty("workplace.calendar.redirect-uri");
    String local = "http://localhost:" + environment.getProperty("server.port", "8080");
    FakeMicrosoft365 m365 =
        FakeMicrosoft365.builder()
            .seed(DemoOrganisation.SEED)
            .consentMode(ConsentMode.INTERACTIVE)
            .containerThreads(64)
            .build()
            .start();
    DemoOrganisation demo;
    try {
      demo = DemoOrganisation.seed(m365, Clock.systemUTC());
      demo.app().addRedirectUri(redirectUri);
    } catch (RuntimeException e) {
      m365.close();
      throw e;
    }
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "embeddedMicrosoft365",
                Map.of(
                    "workplace.calendar.client-id", demo.app().clientId(),
                    "workplace.calendar.client-secret", demo.app().clientSecret(),
                    "workplace.calendar.authority-host", m365.authorityUri().toString(),
                    "workplace.calendar.graph-endpoint", m365.graphUri().toString(),
                    // the fake applies consent at once: nothing to wait for while it propagates
                    "workplace.calendar.verification-timeout", "0s",
                    // the fake delivers change notifications to this application on localhost
                    "workplace.calendar.sync.notification-url", local + "/calendar/notifications",
                    "workplace.calendar.sync.lifecycle-url", local + "/calendar/lifecycle")));
    DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
    beans.registerSingleton("embeddedDemoOrganisation", demo);
    beans.registerSingleton("embeddedMicrosoft365", m365);
    beans.registerSingleton(
        "embeddedMicrosoft365Trust",
        (CalendarServiceBuilderCustomizer) b -> b.trust(m365.sslContext(), m365.trustManager()));
    beans.registerDisposableBean("embeddedMicrosoft365", m365::close);
    LOG.info(
        "Embedded Microsoft 365 at {} with the demo organisation {}",
        m365.authorityUri(),
        DemoOrganisation.DOMAIN);
  }
}

package com.workplace.calendar.spring.test;

import com.workplace.calendar.spring.CalendarServiceBuilderCustomizer;
import com.workplace.calendar.testkit.ConsentMode;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts a {@link FakeMicrosoft365} for one test context, registers it, its app and a builder
 * customizer (trust) as beans, points the SDK's properties at it, and closes it after the context's
 * beans are gone.
 *
 * @since 0.2.0
 */
public final class FakeMicrosoft365ContextCustomizer implements ContextCustomizer {
  /** The redirect URI registered on the fake's app when the application has none. */
  public static final String DEFAULT_REDIRECT_URI = "http://localhost/calendar/consent";

  private final long latencyMillis;
  private final ConsentMode consentMode;
  private final List<String> consentedTenants;

  FakeMicrosoft365ContextCustomizer(CalendarSdkFakeTest annotation) {
    this.latencyMillis = annotation.latencyMillis();
    this.consentMode = annotation.consentMode();
    this.consentedTenants = List.copyOf(Arrays.asList(annotation.consentedTenants()));
  }

  @Override
  public void customizeContext(
      ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
    ConfigurableEnvironment environment = context.getEnvironment();
    String redirectUri =
        environment.getProperty("workplace.calendar.redirect-uri", DEFAULT_REDIRECT_URI);
    FakeMicrosoft365 m365 =
        FakeMicrosoft365.builder()
            .latency(Duration.ofMillis(latencyMillis))
            .consentMode(consentMode)
            .start();
    FakeApp app = m365.newApp().redirectUris(redirectUri).register();
    for (String domain : consentedTenants) {
      m365.tenant(domain).grantAdminConsent(app.clientId());
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("workplace.calendar.client-id", app.clientId());
    properties.put("workplace.calendar.client-secret", app.clientSecret());
    properties.put("workplace.calendar.certificate.location", "");
    properties.put("workplace.calendar.federated-token-file", "");
    properties.put("workplace.calendar.redirect-uri", redirectUri);
    properties.put("workplace.calendar.authority-host", m365.authorityUri().toString());
    properties.put("workplace.calendar.graph-endpoint", m365.graphUri().toString());
    environment.getPropertySources().addFirst(new MapPropertySource("calendarSdkFakeMicrosoft365", properties));
    ConfigurableListableBeanFactory beans = context.getBeanFactory();
    beans.registerSingleton("fakeMicrosoft365", m365);
    beans.registerSingleton("fakeMicrosoft365App", app);
    beans.registerSingleton(
        "fakeMicrosoft365Trust",
        (CalendarServiceBuilderCustomizer) b -> b.trust(m365.sslContext(), m365.trustManager()));
    if (beans instanceof DefaultListableBeanFactory registry) {
      // registered first, so destroyed last: after the service has stopped using it
      registry.registerDisposableBean("fakeMicrosoft365", m365::close);
    } else {
      context.addApplicationListener(
          (org.springframework.context.ApplicationListener<
                  org.springframework.context.event.ContextClosedEvent>)
              e -> m365.close());
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FakeMicrosoft365ContextCustomizer o
        && o.latencyMillis == latencyMillis
        && o.consentMode == consentMode
        && o.consentedTenants.equals(consentedTenants);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(latencyMillis) * 31 + consentMode.hashCode() * 7 + consentedTenants.hashCode();
  }
}

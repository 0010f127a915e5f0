package com.workplace.calendar.spring.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a start-up that failed on the SDK's settings with the builder's own message. */
public final class ConfigurationFailureAnalyzer
    extends AbstractFailureAnalyzer<CalendarSdkConfigurationException> {

  /** Creates the analyzer; Spring Boot does. */
  public ConfigurationFailureAnalyzer() {}

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, CalendarSdkConfigurationException cause) {
    return new FailureAnalysis(
        "The Workplace Calendar SDK refused its configuration: " + cause.getMessage(),
        "Check the workplace.calendar.* properties (e.g. workplace.calendar.client-id,"
            + " federated-token-file, certificate.location or client-secret, redirect-uri) or the"
            + " beans that customize the service.",
        cause);
  }
}

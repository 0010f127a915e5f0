package com.workplace.calendar.examples.web;

import com.workplace.calendar.spring.CalendarSdkNotificationEndpointProperties;
import com.workplace.calendar.spring.CalendarSdkProperties;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * CSRF protection on every form (Spring Security's synchronizer token, which Thymeleaf adds to each
 * {@code th:action} form), a Content Security Policy that allows only this application's own
 * scripts and styles (no inline script: a room name or CSV cell that gets past escaping still
 * cannot run), and the usual headers. The example has no login of its own: it listens on
 * 127.0.0.1; a product puts these pages behind its administrators' login. Microsoft's change
 * notifications carry no session and no CSRF token: their paths are exempt from CSRF (the SDK
 * checks each notification's {@code clientState} instead).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

  @Bean
  SecurityFilterChain webAdminSecurity(HttpSecurity http, CalendarSdkProperties calendar) throws Exception {
    String[] notificationPaths = notificationPaths(calendar).toArray(String[]::new);
    http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.ignoringRequestMatchers(notificationPaths))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(
                        referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  private static List<String> notificationPaths(CalendarSdkProperties calendar) {
    CalendarSdkNotificationEndpointProperties web = calendar.getWeb().getNotifications();
    List<String> paths = new ArrayList<>();
    add(paths, web.getPath(), calendar.getSync().getNotificationUrl());
    add(paths, web.getLifecyclePath(), calendar.getSync().getLifecycleUrl());
    return paths;
  }

  private static void add(List<String> paths, String path, URI url) {
    String chosen = path != null ? path : url == null ? null : url.getRawPath();
    if (chosen != null && chosen.startsWith("/") && !paths.contains(chosen)) {
      paths.add(chosen);
    }
  }
}

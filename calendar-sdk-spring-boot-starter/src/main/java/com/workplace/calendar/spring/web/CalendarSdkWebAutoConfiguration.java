package com.workplace.calendar.spring.web;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.spring.CalendarSdkAutoConfiguration;
import com.workplace.calendar.spring.CalendarSdkNotificationEndpointProperties;
import com.workplace.calendar.spring.CalendarSdkProperties;
import java.net.URI;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The SDK's two HTTP endpoints on Spring MVC, each opt-in by property: the admin-consent redirect
 * ({@code workplace.calendar.web.consent.enabled}, GET at the redirect URI's path) and the change
 * and lifecycle notification endpoint ({@code workplace.calendar.web.notifications.enabled}, at the
 * paths of the notification and lifecycle URLs). Both must be reachable without the host's login:
 * Microsoft's redirect and Microsoft's notifications carry no session.
 *
 * @since 0.2.0
 */
@AutoConfiguration(after = CalendarSdkAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBean(CalendarService.class)
public class CalendarSdkWebAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public CalendarSdkWebAutoConfiguration() {}

  /**
   * The consent redirect handler.
   *
   * @param service the service
   * @param properties the settings
   * @return the handler
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "workplace.calendar.web.consent", name = "enabled", havingValue = "true")
  public ConsentRedirectHandler calendarConsentRedirectHandler(
      CalendarService service, CalendarSdkProperties properties) {
    return new ConsentRedirectHandler(service, properties.getWeb().getConsent().getResultPage());
  }

  /**
   * The route of the consent redirect.
   *
   * @param handler the handler
   * @param properties the settings
   * @return GET at {@code workplace.calendar.web.consent.path} or the redirect URI's path
   */
  @Bean
  @ConditionalOnMissingBean(name = "calendarConsentRoute")
  @ConditionalOnProperty(prefix = "workplace.calendar.web.consent", name = "enabled", havingValue = "true")
  public RouterFunction<ServerResponse> calendarConsentRoute(
      ConsentRedirectHandler handler, CalendarSdkProperties properties) {
    String path =
        pathOf(
            properties.getWeb().getConsent().getPath(),
            properties.getRedirectUri(),
            "workplace.calendar.web.consent.path",
            "workplace.calendar.redirect-uri");
    return RouterFunctions.route(RequestPredicates.GET(path), handler::handle);
  }

  /**
   * The notification handler.
   *
   * @param service the service
   * @return the handler
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "workplace.calendar.web.notifications", name = "enabled", havingValue = "true")
  public NotificationHandler calendarNotificationHandler(CalendarService service) {
    return new NotificationHandler(service);
  }

  /**
   * The routes of change and lifecycle notifications (every method: the SDK answers 405 to all but
   * POST).
   *
   * @param handler the handler
   * @param properties the settings
   * @return the routes
   */
  @Bean
  @ConditionalOnMissingBean(name = "calendarNotificationRoutes")
  @ConditionalOnProperty(prefix = "workplace.calendar.web.notifications", name = "enabled", havingValue = "true")
  public RouterFunction<ServerResponse> calendarNotificationRoutes(
      NotificationHandler handler, CalendarSdkProperties properties) {
    CalendarSdkNotificationEndpointProperties web = properties.getWeb().getNotifications();
    String notifications =
        pathOf(
            web.getPath(),
            properties.getSync().getNotificationUrl(),
            "workplace.calendar.web.notifications.path",
            "workplace.calendar.sync.notification-url");
    String lifecycle =
        pathOf(
            web.getLifecyclePath(),
            properties.getSync().getLifecycleUrl(),
            "workplace.calendar.web.notifications.lifecycle-path",
            "workplace.calendar.sync.lifecycle-url");
    RouterFunctions.Builder routes =
        RouterFunctions.route().route(RequestPredicates.path(notifications), handler::handle);
    if (!lifecycle.equals(notifications)) {
      routes.route(RequestPredicates.path(lifecycle), handler::handle);
    }
    return routes.build();
  }

  private static String pathOf(String given, URI url, String pathProperty, String urlProperty) {
    String path = given;
    if (path == null && url != null) {
      path = url.getRawPath();
    }
    if (path == null || !path.startsWith("/") || path.startsWith("//")) {
      throw new IllegalStateException(
          pathProperty + " or " + urlProperty + " must give the endpoint's path (starting with /)");
    }
    return path;
  }
}

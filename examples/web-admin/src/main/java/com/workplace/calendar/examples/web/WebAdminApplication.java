package com.workplace.calendar.examples.web;

import com.workplace.calendar.examples.admin.CsvSpaceDirectory;
import com.workplace.calendar.space.SpaceDirectory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/**
 * The web admin: the Calendar Integrations screens of a booking product on {@code
 * calendar-sdk-spring-boot-starter}. The starter builds the {@code CalendarService} from {@code
 * application.yml}, keeps the SDK's state in the application's database (H2 in a file under the
 * data folder by default), serves the consent redirect and the notification endpoint, and runs the
 * background sync. The application adds what a booking product owns: its spaces, its bookings, the
 * changes that sync brings from Outlook, and the pages.
 *
 * <p>By default it runs against an embedded {@code FakeMicrosoft365} seeded with the demo
 * organisation ({@link EmbeddedDemoMicrosoft365}); {@code workplace.example.embedded-fake=false}
 * with an app registration's settings runs it against a real tenant.
 */
@SpringBootApplication
public class WebAdminApplication {

  /**
   * Starts the web admin; the launcher {@code ./web-admin} at the repository root calls this.
   *
   * @param args Spring Boot's command-line arguments, e.g. {@code --server.port=8081}
   */
  public static void main(String[] args) {
    application().run(args);
  }

  /**
   * The application as {@link #main} runs it: with its data folder and, unless switched off, the
   * embedded Microsoft 365. Tests start it the same way.
   *
   * @return the builder
   */
  public static SpringApplicationBuilder application() {
    return new SpringApplicationBuilder(WebAdminApplication.class)
        .initializers(new DataFolder(), new EmbeddedDemoMicrosoft365());
  }

  /**
   * The product's spaces: the demo organisation's rooms as the booking product numbers them.
   *
   * @return the directory
   */
  @Bean
  SpaceDirectory productSpaces() {
    return CsvSpaceDirectory.demo();
  }
}

package com.workplace.calendar.examples.spring;

import com.workplace.calendar.space.SpaceDirectory;
import com.workplace.calendar.sync.SyncListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A minimal Spring Boot application on {@code calendar-sdk-spring-boot-starter}: the starter builds
 * the {@code CalendarService} from {@code application.yml}, keeps its state in H2 through the
 * application's {@code DataSource}, serves the consent redirect and the notification endpoint,
 * runs the background sync with the application, and reports each tenant's health under {@code
 * /actuator/health/calendar}. The application adds only what a booking product owns: its spaces,
 * its listener for bookings made in Outlook, and a few endpoints of its own ({@link
 * CalendarController}).
 *
 * <p>Run it against an embedded {@code FakeMicrosoft365} ({@link EmbeddedMicrosoft365}, on unless
 * {@code workplace.example.embedded-fake=false}): {@code mvn -pl examples/spring-boot exec:java},
 * then open {@code http://localhost:8080/connect?tenant=contoso.onmicrosoft.com}.
 */
@SpringBootApplication
public class CalendarExampleApplication {
  private static final Logger LOG = LoggerFactory.getLogger(CalendarExampleApplication.class);

  /**
   * Starts the application.
   *
   * @param args Spring Boot's command-line arguments, e.g. {@code --server.port=8081}
   */
  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(CalendarExampleApplication.class);
    application.addInitializers(new EmbeddedMicrosoft365());
    application.run(args);
  }

  /**
   * The product's spaces.
   *
   * @return the directory
   */
  @Bean
  SpaceDirectory exampleSpaces() {
    return new ExampleSpaces();
  }

  /**
   * What the product does with bookings made in Outlook: here, log them.
   *
   * @return the listener
   */
  @Bean
  SyncListener outlookBookings() {
    return (tenant, room, changes) ->
        changes.forEach(
            change ->
                LOG.info(
                    "{} {} in {}: {}",
                    change.type(),
                    change.isOurs() ? "booking of ours" : "booking made in Outlook",
                    room,
                    change.start().map(Object::toString).orElse("")));
  }
}

package com.example.booking;

import com.workplace.calendar.Page;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.space.Space;
import com.workplace.calendar.space.SpaceDirectory;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.sync.SyncListener;
import com.workplace.calendar.tenant.TenantId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A booking product on Spring Boot with the SDK's starter: the starter builds the calendar service
 * from {@code application.yml}, keeps its state in the application's {@code DataSource}, serves
 * the consent and notification endpoints and reports health; the product adds its spaces and what
 * it does with bookings made in Outlook.
 */
@SpringBootApplication
public class BookingProductApplication {
  private static final Logger LOG = LoggerFactory.getLogger(BookingProductApplication.class);
  private static final List<Space> SPACES =
      List.of(
          Space.of(SpaceId.of("HH-1.01"), "Orchard"),
          Space.of(SpaceId.of("HH-1.02"), "Marina"));

  public static void main(String[] args) {
    SpringApplication.run(BookingProductApplication.class, args);
  }

  /** The product's rooms; a product reads them from its own database. */
  @Bean
  SpaceDirectory productSpaces() {
    return new SpaceDirectory() {
      @Override
      public Optional<Space> find(TenantId tenantId, SpaceId spaceId) {
        return SPACES.stream().filter(space -> space.id().equals(spaceId)).findFirst();
      }

      @Override
      public Page<Space> search(TenantId tenantId, String text, PageRequest page) {
        String needle = text.toLowerCase(Locale.ROOT);
        return Page.last(
            SPACES.stream()
                .filter(space -> space.name().toLowerCase(Locale.ROOT).contains(needle))
                .limit(page.size())
                .toList());
      }
    };
  }

  /** Bookings made in Outlook; a product records them in its own database. */
  @Bean
  SyncListener outlookBookings() {
    return (tenant, room, changes) ->
        changes.forEach(change -> LOG.info("{} in {} of {}", change.type(), room, tenant));
  }
}

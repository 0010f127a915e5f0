package com.workplace.calendar.spring.app;

import com.workplace.calendar.Page;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.space.Space;
import com.workplace.calendar.space.SpaceDirectory;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.SyncListener;
import com.workplace.calendar.tenant.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A host application as the starter meets it: its spaces and its listener for changes. */
@SpringBootApplication
public class TestApplication {
  /** The changes sync handed to the host. */
  public static final class ReceivedChanges implements SyncListener {
    /** Every change, in order. */
    public final List<BookingChange> changes = new CopyOnWriteArrayList<>();

    @Override
    public void onChanges(TenantId tenantId, String calendarEmail, List<BookingChange> batch) {
      changes.addAll(batch);
    }
  }

  @Bean
  ReceivedChanges receivedChanges() {
    return new ReceivedChanges();
  }

  @Bean
  SpaceDirectory spaces() {
    return new SpaceDirectory() {
      @Override
      public Optional<Space> find(TenantId tenantId, SpaceId spaceId) {
        return Optional.empty();
      }

      @Override
      public Page<Space> search(TenantId tenantId, String text, PageRequest page) {
        return Page.last(List.of());
      }
    };
  }
}

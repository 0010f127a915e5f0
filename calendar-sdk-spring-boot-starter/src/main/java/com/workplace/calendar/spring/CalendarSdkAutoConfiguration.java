package com.workplace.calendar.spring;

import com.workplace.calendar.CalendarEventListener;
import com.workplace.calendar.CalendarService;
import com.workplace.calendar.graph.GraphCalendarService;
import com.workplace.calendar.graph.GraphCalendarServiceBuilder;
import com.workplace.calendar.graph.GraphEventListener;
import com.workplace.calendar.space.SpaceDirectory;
import com.workplace.calendar.spring.internal.ServiceFactory;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.store.InMemoryCalendarStore;
import com.workplace.calendar.store.JdbcCalendarStore;
import com.workplace.calendar.store.JdbcCalendarStoreBuilder;
import com.workplace.calendar.sync.SyncListener;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Builds the SDK from {@link CalendarSdkProperties} and the host's beans: the {@link CalendarStore}
 * (a {@link JdbcCalendarStore} on the application's {@link DataSource} when there is one, in
 * memory otherwise), the {@link CalendarService} with the host's {@link SpaceDirectory} and {@link
 * SyncListener}, every {@link GraphEventListener} and {@link CalendarEventListener} bean, and the
 * background work started and stopped with the context. Every bean backs off when the host
 * defines its own.
 *
 * @since 0.2.0
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(CalendarSdkProperties.class)
public class CalendarSdkAutoConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(CalendarSdkAutoConfiguration.class);

  /** Creates the configuration; Spring calls it. */
  public CalendarSdkAutoConfiguration() {}

  /**
   * The store: JDBC on the application's single {@link DataSource}, in memory without one.
   *
   * @param properties the settings
   * @param dataSources the application's data sources
   * @return the store; the service closes it
   */
  @Bean(destroyMethod = "")
  @ConditionalOnMissingBean
  public CalendarStore calendarStore(
      CalendarSdkProperties properties, ObjectProvider<DataSource> dataSources) {
    CalendarSdkStoreType type = properties.getStore().getType();
    DataSource dataSource =
        type == CalendarSdkStoreType.IN_MEMORY ? null : dataSources.getIfUnique();
    if (dataSource == null && type == CalendarSdkStoreType.JDBC) {
      throw new IllegalStateException(
          "workplace.calendar.store.type is jdbc, but the application has no single DataSource");
    }
    if (dataSource == null) {
      LOG.warn(
          "The Workplace Calendar SDK keeps its state in memory: tenants, calendars and bookings"
              + " are lost on restart and not shared with other instances. That is for tests;"
              + " give the application a DataSource (H2 or PostgreSQL) for a JDBC store.");
      return InMemoryCalendarStore.create();
    }
    JdbcCalendarStoreBuilder builder = JdbcCalendarStore.builder(dataSource);
    if (properties.getStore().getTablePrefix() != null) {
      builder.tablePrefix(properties.getStore().getTablePrefix());
    }
    return builder.build();
  }

  /**
   * The service, built from the properties, the store, the host's space directory and sync
   * listener, the event listener beans and the customizers; closed with the context.
   *
   * @param properties the settings
   * @param store the store
   * @param spaceDirectory the host's spaces
   * @param syncListener the host's listener for changes found by sync
   * @param graphListeners every Graph event listener bean
   * @param calendarListeners every core event listener bean
   * @param customizers every builder customizer bean
   * @return the service
   */
  @Bean
  @ConditionalOnMissingBean
  public CalendarService calendarService(
      CalendarSdkProperties properties,
      CalendarStore store,
      ObjectProvider<SpaceDirectory> spaceDirectory,
      ObjectProvider<SyncListener> syncListener,
      ObjectProvider<GraphEventListener> graphListeners,
      ObjectProvider<CalendarEventListener> calendarListeners,
      ObjectProvider<CalendarServiceBuilderCustomizer> customizers) {
    GraphCalendarServiceBuilder builder = ServiceFactory.builder(properties);
    builder.store(store);
    SpaceDirectory spaces = spaceDirectory.getIfUnique();
    if (spaces != null) {
      builder.spaceDirectory(spaces);
    }
    SyncListener listener = syncListener.getIfUnique();
    if (listener != null) {
      builder.syncListener(listener);
    }
    builder.eventListener(GraphEventListener.composite(graphListeners.orderedStream().toList()));
    builder.calendarEventListener(
        CalendarEventListener.composite(calendarListeners.orderedStream().toList()));
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return ServiceFactory.build(builder);
  }

  /**
   * Starts the service's background work with the context and stops it first when the context
   * closes.
   *
   * @param service the service
   * @return the lifecycle
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "workplace.calendar.sync", name = "auto-start", matchIfMissing = true)
  public CalendarSyncLifecycle calendarSyncLifecycle(CalendarService service) {
    return new CalendarSyncLifecycle(service);
  }
}

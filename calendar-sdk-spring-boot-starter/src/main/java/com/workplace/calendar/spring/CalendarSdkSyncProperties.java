package com.workplace.calendar.spring;

import java.net.URI;
import java.time.Duration;

/**
 * The settings under {@code workplace.calendar.sync}: sync, change notifications and the
 * background connecting of new calendars.
 *
 * @since 0.2.0
 */
public class CalendarSdkSyncProperties {
  /**
   * Whether the background work (connecting new calendars, sync rounds, subscription upkeep)
   * starts with the application context and stops with it.
   */
  private boolean autoStart = true;

  /** Days before today the sync window starts. Default: 1. */
  private Integer windowDaysBack;

  /** Days after today the sync window ends. Default: 90. */
  private Integer windowDaysAhead;

  /** Scheduled round and subscription upkeep per connected calendar. Default: 5 minutes. */
  private Duration syncInterval;

  /** Connecting newly added calendars. Default: 1 minute. */
  private Duration connectInterval;

  /** Delay before the first scheduled work. Default: zero. */
  private Duration startDelay;

  /** Lease time to live, renewed between delta pages. Default: 2 minutes. */
  private Duration leaseTtl;

  /** Wait before asking again for a calendar another instance works on. Default: 10 seconds. */
  private Duration busyRetryDelay;

  /** Sync worker threads. Default: 2. */
  private Integer workerThreads;

  /** Pages one round may read before it is abandoned. Default: 10000. */
  private Integer maxPagesPerRound;

  /**
   * How many series masters of recurring meetings this instance keeps between rounds, 0 (read
   * them again every round) to 1,000,000. Default: 5000.
   */
  private Integer seriesCacheSize;

  /**
   * The public HTTPS URL Microsoft posts change notifications to; with the lifecycle URL it
   * switches change notifications on. Default: none (polling only).
   */
  private URI notificationUrl;

  /** The public HTTPS URL Microsoft posts lifecycle notifications to. */
  private URI lifecycleUrl;

  /** The subscription lifetime asked for. Default: 10080 minutes. */
  private Duration subscriptionLifetime;

  /** The lifetime asked for when the service refuses the first. Default: 4230 minutes. */
  private Duration fallbackSubscriptionLifetime;

  /** This instance's lease owner ID; instances sharing a store need different ones. Default: random. */
  private String ownerId;

  /** {@return the value} */
  public boolean isAutoStart() {
    return autoStart;
  }

  /** @param value the value */
  public void setAutoStart(boolean value) {
    this.autoStart = value;
  }

  /** {@return the value} */
  public Integer getWindowDaysBack() {
    return windowDaysBack;
  }

  /** @param value the value */
  public void setWindowDaysBack(Integer value) {
    this.windowDaysBack = value;
  }

  /** {@return the value} */
  public Integer getWindowDaysAhead() {
    return windowDaysAhead;
  }

  /** @param value the value */
  public void setWindowDaysAhead(Integer value) {
    this.windowDaysAhead = value;
  }

  /** {@return the value} */
  public Duration getSyncInterval() {
    return syncInterval;
  }

  /** @param value the value */
  public void setSyncInterval(Duration value) {
    this.syncInterval = value;
  }

  /** {@return the value} */
  public Duration getConnectInterval() {
    return connectInterval;
  }

  /** @param value the value */
  public void setConnectInterval(Duration value) {
    this.connectInterval = value;
  }

  /** {@return the value} */
  public Duration getStartDelay() {
    return startDelay;
  }

  /** @param value the value */
  public void setStartDelay(Duration value) {
    this.startDelay = value;
  }

  /** {@return the value} */
  public Duration getLeaseTtl() {
    return leaseTtl;
  }

  /** @param value the value */
  public void setLeaseTtl(Duration value) {
    this.leaseTtl = value;
  }

  /** {@return the value} */
  public Duration getBusyRetryDelay() {
    return busyRetryDelay;
  }

  /** @param value the value */
  public void setBusyRetryDelay(Duration value) {
    this.busyRetryDelay = value;
  }

  /** {@return the value} */
  public Integer getWorkerThreads() {
    return workerThreads;
  }

  /** @param value the value */
  public void setWorkerThreads(Integer value) {
    this.workerThreads = value;
  }

  /** {@return the value} */
  public Integer getMaxPagesPerRound() {
    return maxPagesPerRound;
  }

  /** @param value the value */
  public void setMaxPagesPerRound(Integer value) {
    this.maxPagesPerRound = value;
  }

  /** {@return the value} */
  public Integer getSeriesCacheSize() {
    return seriesCacheSize;
  }

  /** @param value the value */
  public void setSeriesCacheSize(Integer value) {
    this.seriesCacheSize = value;
  }

  /** {@return the value} */
  public URI getNotificationUrl() {
    return notificationUrl;
  }

  /** @param value the value */
  public void setNotificationUrl(URI value) {
    this.notificationUrl = value;
  }

  /** {@return the value} */
  public URI getLifecycleUrl() {
    return lifecycleUrl;
  }

  /** @param value the value */
  public void setLifecycleUrl(URI value) {
    this.lifecycleUrl = value;
  }

  /** {@return the value} */
  public Duration getSubscriptionLifetime() {
    return subscriptionLifetime;
  }

  /** @param value the value */
  public void setSubscriptionLifetime(Duration value) {
    this.subscriptionLifetime = value;
  }

  /** {@return the value} */
  public Duration getFallbackSubscriptionLifetime() {
    return fallbackSubscriptionLifetime;
  }

  /** @param value the value */
  public void setFallbackSubscriptionLifetime(Duration value) {
    this.fallbackSubscriptionLifetime = value;
  }

  /** {@return the value} */
  public String getOwnerId() {
    return ownerId;
  }

  /** @param value the value */
  public void setOwnerId(String value) {
    this.ownerId = value;
  }
}

package com.workplace.calendar.tenant;

/**
 * Why a consent callback was refused before it changed anything ({@link
 * InvalidConsentStateException}).
 *
 * @since 0.2.0
 */
public enum ConsentRejection {
  /** The callback carries no {@code state}. */
  MISSING_STATE,
  /** The {@code state} is not one this SDK issued (forged or mistyped). */
  UNKNOWN_STATE,
  /** The {@code state} was used before (a replayed callback). */
  USED_STATE,
  /** The {@code state} has expired. */
  EXPIRED_STATE,
  /** The tenant being authorized was removed meanwhile. */
  TENANT_REMOVED,
  /** The callback names another tenant than the one being authorized. */
  TENANT_MISMATCH
}

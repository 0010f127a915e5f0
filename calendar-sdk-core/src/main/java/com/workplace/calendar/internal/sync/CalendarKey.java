package com.workplace.calendar.internal.sync;

import com.workplace.calendar.registry.EmailAddresses;
import com.workplace.calendar.tenant.TenantId;
import java.util.Objects;

/**
 * Names one room calendar: tenant and normalized address.
 *
 * @param tenantId the tenant
 * @param email the normalized address
 */
record CalendarKey(TenantId tenantId, String email) {
  CalendarKey {
    Objects.requireNonNull(tenantId, "tenantId");
    email = EmailAddresses.normalize(email);
  }

  /** {@return the name of the store lease under which one instance works on this calendar} */
  String leaseName() {
    return "sync:" + tenantId.value() + ":" + email;
  }

  @Override
  public String toString() {
    return email + " (tenant " + tenantId + ")";
  }
}

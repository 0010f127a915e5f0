/**
 * Tenant authorization: the admin-consent flow and "Account Verified".
 *
 * <p>Start with {@link com.workplace.calendar.tenant.TenantAuthorizer}.
 */
package com.workplace.calendar.tenant;

/**
 * The implementation of {@link com.workplace.calendar.store.JdbcCalendarStore}: dialects, schema
 * migrations, transactions, SQL per record type and leases. Not API: anything here may change
 * without notice.
 */
package com.workplace.calendar.store.jdbc.internal;

/**
 * Synchronisation of room calendars back to the host: delta rounds, change notifications and the
 * host's {@link com.workplace.calendar.sync.SyncListener}.
 */
package com.workplace.calendar.sync;

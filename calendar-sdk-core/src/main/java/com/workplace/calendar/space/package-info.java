/**
 * Spaces of the host product and their links to room calendars.
 *
 * <p>The host implements {@link com.workplace.calendar.space.SpaceDirectory}; the SDK offers {@link
 * com.workplace.calendar.space.SpaceMapper}.
 */
package com.workplace.calendar.space;

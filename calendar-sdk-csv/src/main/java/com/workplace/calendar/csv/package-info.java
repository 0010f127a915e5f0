/**
 * Room calendars in bulk, as CSV: the import template, a streaming import with a report row by row,
 * and an export.
 *
 * <ul>
 *   <li>{@link com.workplace.calendar.csv.CsvTemplate} writes {@code csvTemplate.csv} ({@code
 *       email,roomID}).
 *   <li>{@link com.workplace.calendar.csv.CalendarCsvImporter} validates a file in a dry run, or
 *       applies it: registers each room mailbox and links it to its space, row by row, and returns
 *       an {@link com.workplace.calendar.csv.ImportReport} naming each failed row with a reason a
 *       person understands. Options are in {@link com.workplace.calendar.csv.CsvImportOptions}.
 *   <li>{@link com.workplace.calendar.csv.CalendarCsvExporter} writes a tenant's calendars with
 *       their spaces and status.
 * </ul>
 *
 * <p>Problems with a file as a whole are {@link com.workplace.calendar.csv.CsvException}s:
 * unchecked, and part of the SDK's {@link com.workplace.calendar.CalendarSdkException} tree.
 *
 * <pre>{@code
 * CalendarCsvImporter importer = CalendarCsvImporter.builder()
 *     .registry(service.calendars())
 *     .spaceMapper(service.spaces())
 *     .build();
 * ImportReport preview = importer.dryRun(tenantId, uploadedFile);
 * if (!preview.hasFailures()) {
 *   ImportReport done = importer.apply(tenantId, uploadedFile);
 * } else {
 *   preview.writeCsv(responseWriter); // the failed rows, for the administrator
 * }
 * }</pre>
 */
package com.workplace.calendar.csv;

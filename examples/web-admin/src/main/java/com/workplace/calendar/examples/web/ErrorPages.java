package com.workplace.calendar.examples.web;

import com.workplace.calendar.CalendarClientException;
import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.ConflictException;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.tenant.TenantNotAuthorizedException;
import com.workplace.calendar.tenant.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into a page that says what happened and what to do, with a fitting status
 * code, and never a stack trace: the SDK's messages are written for people (and carry no secret);
 * anything unexpected is logged with an incident number the page shows.
 */
@ControllerAdvice
final class ErrorPages {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
  private static final Pattern UPLOAD = Pattern.compile("/tenants/([^/]+)/calendars/import");

  private final TenantLookup lookup;
  private final CalendarsController calendarsPage;

  ErrorPages(TenantLookup lookup, CalendarsController calendarsPage) {
    this.lookup = lookup;
    this.calendarsPage = calendarsPage;
  }

  @ExceptionHandler(TenantLookup.UnknownTenantException.class)
  String unknownTenant(Model model, HttpServletResponse response) {
    return page(model, response, 404, "Calendar account not found",
        "No calendar account with this tenant ID is known. It may have been removed.",
        "Go back to Calendar Integrations and add the account.");
  }

  @ExceptionHandler(CalendarsController.UnknownCalendarException.class)
  String unknownCalendar(Model model, HttpServletResponse response) {
    return page(model, response, 404, "Room calendar not found",
        "No room calendar with this address is registered for the account.",
        "Go back to Manage Calendars; it may have been removed meanwhile.");
  }

  @ExceptionHandler({CsvController.UnknownReportException.class, ConnectController.UnknownJobException.class})
  String forgotten(Model model, HttpServletResponse response) {
    return page(model, response, 404, "Not kept any more",
        "The application keeps only the latest reports and connect runs, in memory.",
        "Run the upload or Connect Calendars again.");
  }

  @ExceptionHandler(TenantNotAuthorizedException.class)
  String notAuthorized(TenantNotAuthorizedException e, Model model, HttpServletResponse response) {
    return page(model, response, 409, "The account is not authorized", e.getMessage(),
        "Use Re-authenticate on Calendar Integrations, then Verify again.");
  }

  @ExceptionHandler(CalendarServiceException.class)
  String serviceFailed(CalendarServiceException e, Model model, HttpServletResponse response) {
    return page(model, response, 503, "Microsoft 365 did not answer as expected", e.getMessage(),
        "Try again in a moment; nothing was changed by this request.");
  }

  @ExceptionHandler({ResourceNotFoundException.class, ConflictException.class, CalendarClientException.class})
  String refused(RuntimeException e, Model model, HttpServletResponse response) {
    return page(model, response, 409, "The request was refused", e.getMessage(),
        "Reload the page to see the current state and try again.");
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  String tooLarge(HttpServletRequest request, Model model, HttpServletResponse response) {
    return uploadTooLarge(request.getRequestURI(), model, response);
  }

  /**
   * An upload over the limit: the Manage Calendars page with the error next to the file field when
   * the upload came from there, else a page of its own.
   */
  String uploadTooLarge(String requestUri, Model model, HttpServletResponse response) {
    Matcher upload = UPLOAD.matcher(requestUri == null ? "" : requestUri);
    if (upload.matches()) {
      try {
        Tenant tenant = lookup.require(URLDecoder.decode(upload.group(1), StandardCharsets.UTF_8));
        String view =
            calendarsPage.page(
                tenant, "", null, 1, "",
                new FieldErrors().reject("file", "The file is larger than " + CsvController.UPLOAD_LIMIT_TEXT
                    + "; split it into smaller files. Nothing was imported."),
                model);
        response.setStatus(413);
        return view;
      } catch (TenantLookup.UnknownTenantException | IllegalArgumentException e) {
        // not a page of a known tenant: the general page below
      }
    }
    return page(model, response, 413, "The file is too large",
        "Uploads are limited to " + CsvController.UPLOAD_LIMIT_TEXT + ". Nothing was imported.",
        "Split the file into smaller files and upload them one after the other.");
  }

  @ExceptionHandler({
    MultipartException.class,
    MissingServletRequestParameterException.class,
    MethodArgumentTypeMismatchException.class
  })
  String badRequest(Model model, HttpServletResponse response) {
    return page(model, response, 400, "The request could not be read",
        "A value of the form is missing or malformed. Nothing was changed.",
        "Go back, reload the page and fill in the form again.");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  String noSuchPage(Model model, HttpServletResponse response) {
    return page(model, response, 404, "Page not found", "There is no page at this address.",
        "Start again from Calendar Integrations.");
  }

  @ExceptionHandler(Exception.class)
  String unexpected(Exception e, Model model, HttpServletResponse response) {
    String incident = UUID.randomUUID().toString().substring(0, 8);
    LOG.error("Incident {}: the request failed unexpectedly", incident, e);
    return page(model, response, 500, "Something went wrong",
        "The request failed unexpectedly (incident " + incident + "). The application's log has the details.",
        "Reload the page; if it happens again, report the incident number.");
  }

  static String page(Model model, HttpServletResponse response, int status, String title, String message, String whatToDo) {
    response.setStatus(status);
    model.addAttribute("status", status);
    model.addAttribute("title", title);
    model.addAttribute("message", message);
    model.addAttribute("whatToDo", whatToDo);
    return "problem";
  }
}

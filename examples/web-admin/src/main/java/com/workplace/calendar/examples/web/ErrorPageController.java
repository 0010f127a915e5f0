package com.workplace.calendar.examples.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The page for errors that happen outside the controllers (a refused CSRF token, an unknown
 * address, a request the server could not parse): the status and what to do, never the exception.
 */
@Controller
final class ErrorPageController implements ErrorController {
  private final ErrorPages pages;

  ErrorPageController(ErrorPages pages) {
    this.pages = pages;
  }

  @RequestMapping("/error")
  String error(HttpServletRequest request, HttpServletResponse response, Model model) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer value ? value : 500;
    return switch (status) {
      case 403 -> ErrorPages.page(model, response, 403, "The form has expired",
          "The request did not carry this page's security token (the page was open too long, or"
              + " the form came from another site). Nothing was changed.",
          "Go back, reload the page and submit the form again.");
      case 404 -> ErrorPages.page(model, response, 404, "Page not found", "There is no page at this address.",
          "Start again from Calendar Integrations.");
      case 405 -> ErrorPages.page(model, response, 405, "Not available this way",
          "This address does not accept that kind of request.", "Start again from Calendar Integrations.");
      case 413 -> pages.uploadTooLarge((String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), model, response);
      default -> status >= 400 && status < 500
          ? ErrorPages.page(model, response, status, "The request could not be handled",
              "The request was refused. Nothing was changed.", "Go back, reload the page and try again.")
          : ErrorPages.page(model, response, 500, "Something went wrong",
              "The request failed unexpectedly. The application's log has the details.",
              "Reload the page; if it happens again, look at the application's log.");
    };
  }
}

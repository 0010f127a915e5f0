package com.workplace.calendar.examples.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A message for the next page after a redirect: what just happened, as a banner.
 *
 * @param level {@code ok}, {@code info} or {@code error}
 * @param text the message, shown as text
 */
public record Flash(String level, String text) {
  static final String ATTRIBUTE = "flash";

  static void ok(RedirectAttributes redirect, String text) {
    redirect.addFlashAttribute(ATTRIBUTE, new Flash("ok", text));
  }

  static void info(RedirectAttributes redirect, String text) {
    redirect.addFlashAttribute(ATTRIBUTE, new Flash("info", text));
  }

  static void error(RedirectAttributes redirect, String text) {
    redirect.addFlashAttribute(ATTRIBUTE, new Flash("error", text));
  }
}

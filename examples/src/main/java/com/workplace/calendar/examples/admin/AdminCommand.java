package com.workplace.calendar.examples.admin;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A leaf command of {@code calendar-admin}; returns its exit code. */
abstract class AdminCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  CalendarAdmin root() {
    return (CalendarAdmin) spec.root().userObject();
  }

  Output out() {
    return root().output();
  }

  AdminContext ctx() {
    return root().context();
  }
}

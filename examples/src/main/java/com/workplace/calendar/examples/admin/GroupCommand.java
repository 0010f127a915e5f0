package com.workplace.calendar.examples.admin;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands: called alone, it shows them (exit code 2). */
abstract class GroupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    spec.commandLine().getErr().println();
    spec.commandLine().getErr().println("calendar-admin: choose one of the commands of '" + spec.qualifiedName() + "'");
    return ExitCodes.USAGE;
  }
}

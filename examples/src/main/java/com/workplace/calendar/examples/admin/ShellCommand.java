package com.workplace.calendar.examples.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code calendar-admin shell}: runs commands one after another in one process. With the embedded
 * fake this keeps its state between commands, so a booking made by one command can be ended early
 * or cancelled by the next, and a booking added in "Outlook" shows up in {@code sync run}. It exits
 * with the highest exit code of the commands it ran.
 */
@Command(
    name = "shell",
    description = {
      "Runs commands one after another in one process (one per line, without 'calendar-admin')."
          + " With the embedded fake, Microsoft 365 then keeps its state between commands.",
      "The target and store are the shell's; per-line options like --json still apply."
          + " 'exit' or end of input leaves.",
      "Exit code: the highest exit code of the commands it ran (0 when all succeeded), so a script"
          + " piped into the shell fails when one of its commands failed."
    })
final class ShellCommand extends AdminCommand {

  @Override
  public Integer call() throws IOException {
    if (root().inShell()) {
      throw AdminException.usage("already in the shell", "type the commands here, without 'shell'");
    }
    AdminContext ctx = ctx();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    BufferedReader in = new BufferedReader(new InputStreamReader(root().stdin(), StandardCharsets.UTF_8));
    out.println("calendar-admin shell: " + ctx.targetDescription());
    out.println("Store: " + ctx.storeDescription() + ". Type a command without 'calendar-admin', 'help', or 'exit'.");
    int worst = ExitCodes.OK;
    while (true) {
      out.print("calendar-admin> ");
      out.flush();
      String line = in.readLine();
      if (line == null) {
        out.println();
        break;
      }
      line = line.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.equals("exit") || line.equals("quit")) {
        break;
      }
      List<String> args;
      try {
        args = tokenize(line);
      } catch (IllegalArgumentException e) {
        err.println("calendar-admin: " + e.getMessage());
        err.println("  What to do: close the quote, or escape it with a backslash");
        err.println("(exit code " + ExitCodes.USAGE + ")");
        err.flush();
        worst = Math.max(worst, ExitCodes.USAGE);
        continue;
      }
      if (!args.isEmpty() && args.get(0).equals("calendar-admin")) {
        args.remove(0);
      }
      int code =
          CalendarAdmin.execute(
              args.toArray(String[]::new), root().environment(), out, err, InputStream.nullInputStream(), ctx);
      if (code != ExitCodes.OK) {
        err.println("(exit code " + code + ")");
        err.flush();
      }
      worst = Math.max(worst, code);
    }
    return worst;
  }

  /** Splits a line like a shell: blanks separate words, quotes group them, backslash escapes. */
  static List<String> tokenize(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
          word.append(line.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("the line has an unclosed " + quote + " quote");
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}

package com.workplace.calendar.examples.web;

import com.workplace.calendar.examples.admin.DemoOrganisation;
import java.io.PrintStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints the address to open once the application is ready, whatever the log level. */
@Component
final class ReadyMessage {
  private final Environment environment;
  private final ObjectProvider<DemoOrganisation> demo;

  ReadyMessage(Environment environment, ObjectProvider<DemoOrganisation> demo) {
    this.environment = environment;
    this.demo = demo;
  }

  @EventListener(ApplicationReadyEvent.class)
  void ready() {
    print(System.out);
  }

  void print(PrintStream out) {
    String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    out.println();
    out.println("Web admin: http://localhost:" + port + "/");
    if (demo.getIfAvailable() != null) {
      out.println("  against the embedded Microsoft 365 with the demo organisation " + DemoOrganisation.DOMAIN
          + " (add it as a Calendar Account; its consent page uses a self-signed certificate: let your browser proceed)");
    } else {
      out.println("  against Microsoft 365 as app " + environment.getProperty("workplace.calendar.client-id", ""));
    }
    String database = environment.getProperty("spring.datasource.url", "");
    // the H2 file this application chose; another URL may carry credentials: not printed
    out.println("  data: " + (database.startsWith("jdbc:h2:file:") ? database : "the database of spring.datasource.url")
        + "; stop with Ctrl-C");
    out.println();
    out.flush();
  }
}

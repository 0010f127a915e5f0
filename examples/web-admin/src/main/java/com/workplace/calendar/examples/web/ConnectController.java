package com.workplace.calendar.examples.web;

import com.workplace.calendar.tenant.Tenant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Connect Calendars: starts a {@link ConnectJobs} job and shows its progress; the page polls the
 * job's progress as JSON while it runs and shows each failed calendar's reason when it is done.
 */
@Controller
final class ConnectController {
  private final ConnectJobs jobs;
  private final TenantLookup lookup;

  ConnectController(ConnectJobs jobs, TenantLookup lookup) {
    this.jobs = jobs;
    this.lookup = lookup;
  }

  @PostMapping("/tenants/{tenant}/calendars/connect")
  String start(@PathVariable String tenant) {
    Tenant known = lookup.require(tenant);
    ConnectJobs.Job job = jobs.start(known.id());
    return "redirect:/tenants/{tenant}/connect/" + job.id();
  }

  @GetMapping("/tenants/{tenant}/connect/{id}")
  String page(@PathVariable String tenant, @PathVariable String id, Model model) {
    Tenant known = lookup.require(tenant);
    ConnectJobs.Job job = jobs.find(known.id(), id).orElseThrow(UnknownJobException::new);
    model.addAttribute("tenant", known);
    model.addAttribute("job", job);
    return "connect";
  }

  @GetMapping(value = "/tenants/{tenant}/connect/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  Map<String, Object> progress(@PathVariable String tenant, @PathVariable String id) {
    Tenant known = lookup.require(tenant);
    ConnectJobs.Job job = jobs.find(known.id(), id).orElseThrow(UnknownJobException::new);
    Map<String, Object> progress = new LinkedHashMap<>();
    progress.put("total", job.total());
    progress.put("done", job.done());
    progress.put("connected", job.connected());
    progress.put("failed", job.failed());
    progress.put("percent", job.percent());
    progress.put("finished", job.finished());
    return progress;
  }

  /** The job a request names is not kept (any more). */
  static final class UnknownJobException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownJobException() {
      super("this connect run is not kept any more");
    }
  }
}

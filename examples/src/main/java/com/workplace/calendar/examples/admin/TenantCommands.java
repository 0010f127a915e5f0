package com.workplace.calendar.examples.admin;

import static com.workplace.calendar.examples.admin.Output.obj;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.sync.SyncOptions;
import com.workplace.calendar.tenant.ConsentCallback;
import com.workplace.calendar.tenant.ConsentRequest;
import com.workplace.calendar.tenant.InvalidConsentStateException;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.TenantStatus;
import com.workplace.calendar.tenant.VerificationResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code calendar-admin tenant ...}: authorize tenants and prove access ("Account Verified"). */
@Command(
    name = "tenant",
    description = "Authorize Microsoft 365 tenants (admin consent) and prove access.",
    subcommands = {
      TenantCommands.Authorize.class,
      TenantCommands.Verify.class,
      TenantCommands.ListTenants.class,
      TenantCommands.Remove.class
    })
final class TenantCommands extends GroupCommand {

  @Command(
      name = "authorize",
      description = {
        "Runs the admin-consent flow: prints the consent URL, receives the redirect on a loopback"
            + " listener, and verifies access (\"Account Verified\").",
        "With the embedded fake, the demo tenant's administrator accepts at once."
      })
  static final class Authorize extends AdminCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "TENANT", description = "Directory GUID or verified domain.", converter = OptionValues.Tenant.class)
    String tenantArgument;

    @Option(names = "--probe-mailbox", paramLabel = "EMAIL", description = "A room mailbox to prove access with; default: one the SDK finds.")
    String probeMailbox;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m", description = "How long to wait for the administrator (default ${DEFAULT-VALUE}).", converter = Durations.class)
    Duration timeout;

    @Override
    public Integer call() throws Exception {
      AdminContext ctx = ctx();
      Output out = out();
      TenantId tenantId = ctx.tenant(Optional.ofNullable(tenantArgument));
      boolean knownBefore = ctx.service().tenants().get(tenantId).isPresent();
      LoopbackConsentListener listener =
          ctx.fakeListener().orElseGet(() -> LoopbackConsentListener.start(ctx.redirectUri()));
      try {
        listener.expect();
        ConsentRequest request;
        try {
          request = ctx.service().tenants().begin(tenantId);
        } catch (ResourceNotFoundException e) {
          // the identity platform knows no tenant of this domain: nothing was recorded
          throw AdminException.configuration(
              e.getMessage(),
              ctx.isFake()
                  ? "the embedded fake has only the demo tenant " + DemoOrganisation.DOMAIN
                      + ": run calendar-admin tenant authorize " + DemoOrganisation.DOMAIN
                      + " (a real tenant needs --target microsoft365, see the README)"
                  : "check the tenant: use the customer's directory GUID or one of its verified"
                      + " domains (e.g. contoso.onmicrosoft.com)");
        }
        out.line("Authorizing " + tenantId + ".");
        if (ctx.isFake()) {
          out.line((tenantId.equals(TenantId.parse(DemoOrganisation.DOMAIN)) ? "The demo tenant's administrator"
              : "An administrator of " + tenantId) + " opens the consent page to accept (simulated):");
          out.line("  " + request.consentUri().getScheme() + "://" + request.consentUri().getAuthority()
              + request.consentUri().getPath() + "?client_id=...&redirect_uri=...&state=(hidden)");
          SimulatedAdministrator.visit(request.consentUri(), ctx.demo().orElseThrow().m365().sslContext(), listener);
        } else {
          out.note("");
          out.note("Open this URL as a Global Administrator (or Privileged Role Administrator) of "
              + tenantId + " and accept the permissions:");
          out.note("");
          out.note("  " + request.consentUri());
          out.note("");
          out.note("Waiting up to " + Durations.describe(timeout) + " for the redirect to " + listener.redirectUri()
              + " ... (Ctrl-C to give up)");
        }
        LoopbackConsentListener.Arrival arrival;
        try {
          arrival = listener.await(timeout);
        } catch (TimeoutException e) {
          throw AdminException.configuration(
              "no consent redirect arrived within " + Durations.describe(timeout),
              "make sure the administrator finished the consent page and that the app registration lists "
                  + listener.redirectUri() + " as a Web redirect URI; then run the command again");
        } catch (SimulatedAdministrator.ConsentPageError e) {
          throw refused(tenantId, knownBefore, e);
        }
        VerificationResult result;
        try {
          result = verifying(ctx, out, tenantId, () -> {
            VerificationResult completed =
                ctx.service().tenants().complete(ConsentCallback.fromQuery(arrival.rawQuery()));
            return probeMailbox != null && completed.status() != TenantStatus.FAILED
                ? ctx.service().tenants().verify(tenantId, probeMailbox)
                : completed;
          });
        } catch (InvalidConsentStateException | IllegalArgumentException e) {
          arrival.page().complete(LoopbackConsentListener.page("Authorization refused", e.getMessage()));
          throw e;
        } catch (RuntimeException e) {
          arrival.page().complete(LoopbackConsentListener.page("Authorization failed", "See the terminal."));
          throw e;
        }
        arrival.page().complete(
            result.verified()
                ? LoopbackConsentListener.page(VerificationResult.ACCOUNT_VERIFIED,
                    "calendar-admin can now read and write the room calendars of " + tenantId + ".")
                : LoopbackConsentListener.page("Not verified", result.message()));
        out.json(Views.verification(result));
        return printVerification(out, result);
      } finally {
        if (ctx.fakeListener().isEmpty()) {
          listener.close();
        }
        if (!knownBefore) {
          forgetIfStillPending(ctx, tenantId);
        }
      }
    }

    /** The identity platform refused the consent request on its page (with the embedded fake). */
    private static AdminException refused(
        TenantId tenantId, boolean knownBefore, SimulatedAdministrator.ConsentPageError e) {
      String message = "the identity platform refused the consent request for " + tenantId + ": " + e.pageText();
      String whatToDo =
          switch (e.aadsts().orElse("")) {
            case "90002", "90072", "50020" ->
                "the embedded fake has only the demo tenant " + DemoOrganisation.DOMAIN + ": run calendar-admin"
                    + " tenant authorize " + DemoOrganisation.DOMAIN + " (a real tenant needs --target"
                    + " microsoft365, see the README)";
            default -> "check the tenant and run the command again; --verbose shows the details";
          };
      if (knownBefore) {
        // recorded by an earlier command; this one forgets only what it recorded itself
        whatToDo += "; to forget " + tenantId + ": calendar-admin tenant remove " + tenantId;
      }
      return AdminException.configuration(message, whatToDo, e);
    }

    /** A tenant this command recorded is forgotten again when no consent came back for it. */
    private static void forgetIfStillPending(AdminContext ctx, TenantId tenantId) {
      if (ctx.service().tenants().get(tenantId).filter(t -> t.status() == TenantStatus.CONSENT_PENDING).isPresent()) {
        ctx.service().tenants().remove(tenantId);
      }
    }
  }

  /**
   * Runs a verification with feedback while it waits; Microsoft 365 that cannot be reached is an
   * operation failure that leaves the tenant as it was.
   */
  static VerificationResult verifying(
      AdminContext ctx, Output out, TenantId tenantId, Supplier<VerificationResult> verification) {
    Duration bound = ctx.verificationTimeout();
    String activity = "verifying " + tenantId + " at " + ctx.authorityHost();
    String limit = bound.isZero()
        ? "one attempt"
        : "retrying for up to " + Durations.describe(bound) + " while it cannot be reached";
    try (Heartbeat heartbeat = out.heartbeat(activity, limit)) {
      return verification.get();
    } catch (CalendarServiceException e) {
      if (e.statusCode() != 0) {
        throw e;
      }
      String status = ctx.service().tenants().get(tenantId).map(t -> t.status().name()).orElse("unknown");
      throw AdminException.failed(
          "Microsoft 365 could not be reached at " + ctx.authorityHost() + " to verify " + tenantId
              + "; the tenant stays " + status,
          "check the network, a proxy, --authority-host and --graph-endpoint, then run: calendar-admin tenant"
              + " verify " + tenantId + " (--verbose shows the details)",
          e);
    }
  }

  @Command(name = "verify", description = "Proves access again: gets a token for the tenant and probes a room mailbox.")
  static final class Verify extends AdminCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "TENANT", description = "Directory GUID or verified domain; default as --tenant.", converter = OptionValues.Tenant.class)
    String tenantArgument;

    @Option(names = "--probe-mailbox", paramLabel = "EMAIL", description = "The room mailbox to probe (remembered for later checks).")
    String probeMailbox;

    @Option(
        names = "--timeout",
        paramLabel = "DURATION",
        converter = Durations.class,
        description = "How long to keep retrying while Microsoft 365 cannot be reached or a new consent is still"
            + " being applied (default: " + AdminContext.DEFAULT_VERIFICATION_MINUTES + " minutes with a real"
            + " tenant; the embedded fake answers at once).")
    Duration timeout;

    @Override
    public Integer call() {
      if (timeout != null && root().inShell()) {
        throw AdminException.usage(
            "--timeout cannot change the shell's service",
            "run tenant verify --timeout outside the shell, or without --timeout here");
      }
      AdminContext ctx = root().context(new AdminContext.Tuning(SyncOptions.defaults(), Optional.ofNullable(timeout)));
      TenantId tenantId = ctx.tenant(Optional.ofNullable(tenantArgument));
      ctx.knownTenant(tenantId);
      VerificationResult result =
          verifying(ctx, out(), tenantId, () -> probeMailbox == null
              ? ctx.service().tenants().verify(tenantId)
              : ctx.service().tenants().verify(tenantId, probeMailbox));
      out().json(Views.verification(result));
      return printVerification(out(), result);
    }
  }

  /** Prints the outcome for people and returns the exit code it means. */
  static int printVerification(Output out, VerificationResult result) {
    out.table(
        Table.of("tenant", "status", "result")
            .row(result.tenantId(), result.status(), result.message()));
    if (!result.grantedPermissions().isEmpty() || result.probedMailbox().isPresent()) {
      out.line("  permissions: " + String.join(", ", new TreeSet<>(result.grantedPermissions()))
          + "; probed mailbox: " + result.probedMailbox().orElse("-"));
    }
    if (result.verified()) {
      return ExitCodes.OK;
    }
    return result.status() == TenantStatus.CONSENTED ? ExitCodes.OK : ExitCodes.CONFIGURATION;
  }

  @Command(name = "list", description = "Lists the tenants the store knows.")
  static final class ListTenants extends AdminCommand {
    @Override
    public Integer call() {
      List<Tenant> tenants = ctx().service().tenants().list();
      Table table = Table.of("tenant", "status", "directory id", "probe mailbox", "problem", "updated");
      for (Tenant t : tenants) {
        table.row(
            t.id(), t.status(), t.directoryId(), t.probeMailbox(),
            t.failureReason().map(r -> r.name() + ": " + r.action()), out().time(t.updatedAt()));
      }
      if (tenants.isEmpty()) {
        out().line("No tenants yet. Authorize one: calendar-admin tenant authorize <tenant>");
      } else {
        out().table(table);
      }
      out().json(obj("tenants", tenants.stream().map(Views::tenant).toList()));
      return ExitCodes.OK;
    }
  }

  @Command(name = "remove", description = "Forgets a tenant (with --with-calendars also its calendars, links and bookings' links).")
  static final class Remove extends AdminCommand {
    @Parameters(index = "0", paramLabel = "TENANT", description = "Directory GUID or verified domain.", converter = OptionValues.Tenant.class)
    String tenantArgument;

    @Option(names = "--with-calendars", description = "Also remove the tenant's calendars, space links and booking links.")
    boolean withCalendars;

    @Override
    public Integer call() {
      TenantId tenantId = ctx().tenant(Optional.of(tenantArgument));
      boolean removed;
      try {
        removed = ctx().service().tenants().remove(tenantId, withCalendars);
      } catch (com.workplace.calendar.ConflictException e) {
        throw AdminException.failed(
            e.getMessage(), "add --with-calendars to remove them too");
      }
      out().line(removed ? "Removed tenant " + tenantId + "." : "Tenant " + tenantId + " was not known.");
      out().json(obj("tenant", tenantId.value(), "removed", removed));
      return removed ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }
}

package com.workplace.calendar.testkit;

import java.lang.reflect.AnnotatedElement;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit Jupiter extension providing a {@link FakeMicrosoft365}.
 *
 * <p>Declarative: annotate the test class with {@link FakeMicrosoft365Test}. Programmatic:
 *
 * <pre>{@code
 * @RegisterExtension
 * static FakeMicrosoft365Extension m365 = FakeMicrosoft365Extension.newInstance()
 *     .configure(b -> b.latency(Duration.ofMillis(5)))
 *     .failOnLimitViolation(true)
 *     .build();
 *
 * @Test
 * void books() {
 *   FakeTenant t = m365.get().tenant("contoso.onmicrosoft.com");
 * }
 * }</pre>
 *
 * <p>A {@code static} field (or the annotation) gives one fake per test class, started before
 * all tests; an instance field gives one fake per test. The fake lives in the extension
 * context's store and is closed when its scope ends. Test methods and constructors can declare
 * a {@link FakeMicrosoft365} parameter.
 *
 * <p><b>Reset between tests</b> (default on): after each test a fake shared by the class is
 * {@link FakeMicrosoft365#reset() reset}, so every test starts from an empty fake with the
 * configured latency and limits, as WireMock's own extension resets its stubs. State built in
 * {@code @BeforeAll} is therefore gone after the first test: build it in {@code @BeforeEach},
 * or opt out with {@link Builder#resetBetweenTests(boolean) resetBetweenTests(false)} or
 * {@link FakeMicrosoft365Test#resetBetweenTests()} {@code = false} to keep it for the whole
 * class.
 *
 * <p><b>Fail on limit violation</b> (default off): with {@link
 * Builder#failOnLimitViolation(boolean) failOnLimitViolation(true)} or {@link
 * FakeMicrosoft365Test#failOnLimitViolation()} a test fails when, from the end of the previous
 * test (or the fake's start) to its own end, a client sent a request over the fake's
 * concurrency limit or request budget ({@link FakeStats#limitViolations(String)}) or before a
 * 429's {@code Retry-After} had passed ({@link FakeStats#retryAfterIgnored(String)}); the
 * failure names each mailbox and its counts. What a class-level fake counts after the last
 * test fails the class. Faults planned with {@link FakeFaults} are not violations. Close the
 * clients of a test in its {@code @AfterEach} so that their requests count for that test.
 *
 * @since 0.1.0
 */
public final class FakeMicrosoft365Extension implements BeforeAllCallback, AfterAllCallback,
    BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FakeMicrosoft365Extension.class);

  private final Consumer<FakeMicrosoft365Builder> customizer;
  private final Options options;
  private volatile FakeMicrosoft365 current;

  /** Used by {@link FakeMicrosoft365Test}; configuration comes from the annotation. */
  public FakeMicrosoft365Extension() {
    this(b -> { }, null);
  }

  private FakeMicrosoft365Extension(Consumer<FakeMicrosoft365Builder> customizer,
      Options options) {
    this.customizer = customizer;
    this.options = options;
  }

  /**
   * Starts configuring an extension for {@code @RegisterExtension}.
   *
   * @return the builder
   */
  public static Builder newInstance() {
    return new Builder();
  }

  /**
   * The fake of the running test or test class.
   *
   * @return the fake
   * @throws IllegalStateException outside a test
   */
  public FakeMicrosoft365 get() {
    FakeMicrosoft365 fake = current;
    if (fake == null) {
      throw new IllegalStateException("the fake runs only while tests of its class run");
    }
    return fake;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    current = holderIn(classContext(context), context).fake;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Optional<Holder> classLevel = existing(classContext(context));
    current = classLevel.isPresent() ? classLevel.get().fake : holderIn(context, context).fake;
  }

  /**
   * Checks the limits (when asked to) and resets a fake shared by the class (unless opted out).
   *
   * @param context the test's context
   * @throws AssertionError when {@code failOnLimitViolation} is on and a limit was broken
   */
  @Override
  public void afterEach(ExtensionContext context) {
    Optional<Holder> found = existing(context);
    if (found.isEmpty()) {
      return;
    }
    Holder holder = found.get();
    Options opts = options(context);
    FakeStats seen = holder.fake.stats();
    Optional<String> broken = opts.failOnLimitViolation()
        ? BrokenLimits.between(holder.baseline, seen) : Optional.empty();
    boolean sharedByClass = existing(classContext(context)).filter(h -> h == holder).isPresent();
    if (sharedByClass && opts.resetBetweenTests()) {
      holder.fake.reset();
      holder.baseline = holder.fake.stats();
    } else {
      holder.baseline = seen;
    }
    if (broken.isPresent()) {
      throw new AssertionError(broken.get());
    }
  }

  /**
   * Checks what a fake shared by the class counted after its last test (when asked to).
   *
   * @param context the class's context
   * @throws AssertionError when {@code failOnLimitViolation} is on and a limit was broken
   */
  @Override
  public void afterAll(ExtensionContext context) {
    if (!options(context).failOnLimitViolation()) {
      return;
    }
    ExtensionContext scope = classContext(context);
    if (scope != context) {
      return;
    }
    Optional<Holder> found = existing(scope);
    if (found.isPresent()) {
      Holder holder = found.get();
      Optional<String> broken = BrokenLimits.between(holder.baseline, holder.fake.stats());
      if (broken.isPresent()) {
        throw new AssertionError(broken.get());
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FakeMicrosoft365.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Optional<Holder> found = existing(context);
    if (found.isPresent()) {
      return found.get().fake;
    }
    return holderIn(classContext(context), context).fake;
  }

  private Holder holderIn(ExtensionContext scope, ExtensionContext context) {
    return scope.getStore(NAMESPACE).computeIfAbsent(key(), k -> new Holder(create(context)),
        Holder.class);
  }

  /** The nearest fake: the test's own, else the class's (stores see their parents' values). */
  private Optional<Holder> existing(ExtensionContext scope) {
    return Optional.ofNullable(scope.getStore(NAMESPACE).get(key(), Holder.class));
  }

  private Object key() {
    return options != null ? this : FakeMicrosoft365Extension.class;
  }

  private FakeMicrosoft365 create(ExtensionContext context) {
    FakeMicrosoft365Builder builder = FakeMicrosoft365.builder();
    annotation(context).ifPresent(a -> builder
        .latency(Duration.ofMillis(a.latencyMillis()))
        .consentMode(a.consentMode())
        .seed(a.seed()));
    customizer.accept(builder);
    return builder.build().start();
  }

  /** The programmatic options, else the annotation's, else the annotation's defaults. */
  private Options options(ExtensionContext context) {
    if (options != null) {
      return options;
    }
    return annotation(context)
        .map(a -> new Options(a.resetBetweenTests(), a.failOnLimitViolation()))
        .orElse(Options.DEFAULTS);
  }

  private static Optional<FakeMicrosoft365Test> annotation(ExtensionContext context) {
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      Optional<AnnotatedElement> element = c.getElement();
      if (element.isPresent() && element.get() instanceof Class) {
        for (Class<?> type = (Class<?>) element.get(); type != null;
            type = type.getEnclosingClass()) {
          FakeMicrosoft365Test a = type.getAnnotation(FakeMicrosoft365Test.class);
          if (a != null) {
            return Optional.of(a);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The outermost test class context (nested classes share their outer class's fake). */
  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext found = context;
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      if (c.getElement().filter(e -> e instanceof Class).isPresent()) {
        found = c;
      }
    }
    return found;
  }

  /** What happens between tests. */
  private record Options(boolean resetBetweenTests, boolean failOnLimitViolation) {
    static final Options DEFAULTS = new Options(true, false);
  }

  /** A fake, the counters its limit check starts from, and its closing with the store. */
  private static final class Holder implements AutoCloseable {
    private final FakeMicrosoft365 fake;
    private volatile FakeStats baseline;

    Holder(FakeMicrosoft365 fake) {
      this.fake = fake;
      this.baseline = fake.stats();
    }

    @Override
    public void close() {
      fake.close();
    }
  }

  /** Configures a programmatic {@link FakeMicrosoft365Extension}. */
  public static final class Builder {
    private Consumer<FakeMicrosoft365Builder> customizer = b -> { };
    private boolean resetBetweenTests = Options.DEFAULTS.resetBetweenTests();
    private boolean failOnLimitViolation = Options.DEFAULTS.failOnLimitViolation();

    private Builder() {}

    /**
     * Configures the fake's builder (latency, limits, clock, ...).
     *
     * @param value called with the builder before the fake is built
     * @return this
     */
    public Builder configure(Consumer<FakeMicrosoft365Builder> value) {
      this.customizer = Objects.requireNonNull(value, "customizer");
      return this;
    }

    /**
     * Whether a fake shared by the test class forgets all state after each test ({@link
     * FakeMicrosoft365#reset()}; default true). Pass false to keep state built in
     * {@code @BeforeAll} for every test of the class. A fake per test (instance field) is new
     * for every test either way.
     *
     * @param value whether to reset
     * @return this
     */
    public Builder resetBetweenTests(boolean value) {
      this.resetBetweenTests = value;
      return this;
    }

    /**
     * Whether a test fails when a client broke the fake's limits during it: a request over the
     * concurrency limit or the request budget, or a request sent before a 429's
     * {@code Retry-After} expired (default false). The failure names each mailbox and its
     * counts.
     *
     * @param value whether to fail
     * @return this
     */
    public Builder failOnLimitViolation(boolean value) {
      this.failOnLimitViolation = value;
      return this;
    }

    /**
     * Builds the extension.
     *
     * @return the extension
     */
    public FakeMicrosoft365Extension build() {
      return new FakeMicrosoft365Extension(customizer,
          new Options(resetBetweenTests, failOnLimitViolation));
    }
  }
}

package com.workplace.calendar.testkit;

import java.lang.reflect.AnnotatedElement;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
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
 *     .resetBetweenTests(true)
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
 * @since 0.1.0
 */
public final class FakeMicrosoft365Extension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FakeMicrosoft365Extension.class);

  private final Consumer<FakeMicrosoft365Builder> customizer;
  private final Boolean resetBetweenTests;
  private final boolean programmatic;
  private volatile FakeMicrosoft365 current;

  /** Used by {@link FakeMicrosoft365Test}; configuration comes from the annotation. */
  public FakeMicrosoft365Extension() {
    this(b -> { }, null, false);
  }

  private FakeMicrosoft365Extension(
      Consumer<FakeMicrosoft365Builder> customizer, Boolean resetBetweenTests,
      boolean programmatic) {
    this.customizer = customizer;
    this.resetBetweenTests = resetBetweenTests;
    this.programmatic = programmatic;
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
    current = fakeIn(classContext(context), context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Optional<FakeMicrosoft365> classLevel = existing(classContext(context));
    current = classLevel.isPresent() ? classLevel.get() : fakeIn(context, context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (resetAfterEach(context)) {
      existing(classContext(context)).ifPresent(FakeMicrosoft365::reset);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FakeMicrosoft365.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Optional<FakeMicrosoft365> method = existing(context);
    if (method.isPresent()) {
      return method.get();
    }
    return fakeIn(classContext(context), context);
  }

  private FakeMicrosoft365 fakeIn(ExtensionContext scope, ExtensionContext context) {
    Holder holder = scope.getStore(NAMESPACE).computeIfAbsent(key(), k ->
        new Holder(create(context)), Holder.class);
    return holder.fake;
  }

  private Optional<FakeMicrosoft365> existing(ExtensionContext scope) {
    Holder holder = scope.getStore(NAMESPACE).get(key(), Holder.class);
    return holder == null ? Optional.empty() : Optional.of(holder.fake);
  }

  private Object key() {
    return programmatic ? this : FakeMicrosoft365Extension.class;
  }

  private FakeMicrosoft365 create(ExtensionContext context) {
    FakeMicrosoft365Builder builder = FakeMicrosoft365.builder();
    annotation(context).ifPresent(a -> builder
        .latency(Duration.ofMillis(a.latencyMillis()))
        .consentMode(a.consentMode())
        .seed(a.seed()));
    if (programmatic) {
      customizer.accept(builder);
    }
    return builder.build().start();
  }

  private boolean resetAfterEach(ExtensionContext context) {
    if (resetBetweenTests != null) {
      return resetBetweenTests;
    }
    return annotation(context).map(FakeMicrosoft365Test::resetBetweenTests).orElse(false);
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

  /** Closes the fake when the store's scope ends. */
  private static final class Holder implements AutoCloseable {
    private final FakeMicrosoft365 fake;

    Holder(FakeMicrosoft365 fake) {
      this.fake = fake;
    }

    @Override
    public void close() {
      fake.close();
    }
  }

  /** Configures a programmatic {@link FakeMicrosoft365Extension}. */
  public static final class Builder {
    private Consumer<FakeMicrosoft365Builder> customizer = b -> { };
    private boolean resetBetweenTests;

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
     * Whether to forget all state after each test (default false).
     *
     * @param value whether to reset
     * @return this
     */
    public Builder resetBetweenTests(boolean value) {
      this.resetBetweenTests = value;
      return this;
    }

    /**
     * Builds the extension.
     *
     * @return the extension
     */
    public FakeMicrosoft365Extension build() {
      return new FakeMicrosoft365Extension(customizer, resetBetweenTests, true);
    }
  }
}

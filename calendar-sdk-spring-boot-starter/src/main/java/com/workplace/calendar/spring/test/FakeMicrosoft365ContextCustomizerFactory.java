package com.workplace.calendar.spring.test;

import java.util.List;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Makes the {@link FakeMicrosoft365ContextCustomizer} of a test class annotated with {@link
 * CalendarSdkFakeTest}.
 *
 * @since 0.2.0
 */
public final class FakeMicrosoft365ContextCustomizerFactory implements ContextCustomizerFactory {

  /** Creates the factory; Spring's test framework does. */
  public FakeMicrosoft365ContextCustomizerFactory() {}

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    MergedAnnotation<CalendarSdkFakeTest> annotation =
        MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
            .get(CalendarSdkFakeTest.class);
    if (!annotation.isPresent()) {
      return null;
    }
    return new FakeMicrosoft365ContextCustomizer(annotation.synthesize());
  }
}
